using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.Grains.Llm.Gateway;

/// <summary>A reply that has produced its first item: the client's stream, its watchdog, and where it comes from.</summary>
internal sealed class StartedStream(LlmEndpoint endpoint, ModelBinding model, IAsyncEnumerator<LlmStreamItem> items, StreamWatchdog watchdog, bool usedFallback)
    : IAsyncDisposable
{
    public LlmEndpoint Endpoint => endpoint;

    public ModelBinding Model => model;

    public bool UsedFallback => usedFallback;

    public StreamWatchdog Watchdog => watchdog;

    public LlmStreamItem Current => items.Current;

    /// <summary>The next item, or null when the client's stream ended.</summary>
    public async ValueTask<LlmStreamItem?> NextAsync(TimeSpan betweenTokens)
    {
        watchdog.Arm(betweenTokens, "the next token");
        try
        {
            return await items.MoveNextAsync().ConfigureAwait(false) ? items.Current : null;
        }
        finally
        {
            watchdog.Disarm();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await items.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            watchdog.Dispose();
        }
    }
}
