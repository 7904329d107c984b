using LlmMultiChat.Grains.Conversations;

namespace LlmMultiChat.Grains.Llm;

/// <summary>
/// Turns a reply's stream into its <see cref="ReplyUsage"/>: feed it every item as it arrives; after
/// <see cref="LlmCompleted"/> it holds the model that answered, the token counts, the time to the first piece and
/// the total time, on the injected clock.
/// </summary>
public sealed class ReplyUsageTracker
{
    private readonly TimeProvider _time;
    private readonly long _started;
    private TimeSpan? _firstPiece;

    /// <summary>Starts the clock: create it just before asking the gateway.</summary>
    public ReplyUsageTracker(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
        _started = timeProvider.GetTimestamp();
    }

    /// <summary>The usage once the reply completed; null before (or when it failed).</summary>
    public ReplyUsage? Usage { get; private set; }

    public void Observe(LlmStreamItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var elapsed = _time.GetElapsedTime(_started);
        if (item is LlmToken or LlmThinking)
        {
            _firstPiece ??= elapsed;
        }
        else if (item is LlmCompleted completed)
        {
            Usage = new ReplyUsage(
                completed.Provider,
                completed.Model,
                completed.PromptTokens,
                completed.CompletionTokens,
                (_firstPiece ?? elapsed).TotalMilliseconds,
                elapsed.TotalMilliseconds,
                completed.UsedFallback);
        }
    }
}
