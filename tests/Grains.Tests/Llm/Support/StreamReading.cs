using LlmMultiChat.Grains.Llm;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Llm.Support;

/// <summary>What a stream produced before it ended or failed.</summary>
public sealed record StreamResult(IReadOnlyList<LlmStreamItem> Items, Exception? Error)
{
    public string Text => string.Concat(Items.OfType<LlmToken>().Select(t => t.Text));

    public string Thinking => string.Concat(Items.OfType<LlmThinking>().Select(t => t.Text));

    public IReadOnlyList<string> Tokens => Items.OfType<LlmToken>().Select(t => t.Text).ToList();

    public LlmCompleted? Completed => Items.Count == 0 ? null : Items[^1] as LlmCompleted;

    public LlmException LlmError => Assert.IsAssignableFrom<LlmException>(Error);
}

public static class StreamReading
{
    /// <summary>Reads a stream to its end or its first exception (kept, not thrown).</summary>
    public static async Task<StreamResult> ReadAllAsync(this IAsyncEnumerable<LlmStreamItem> stream, CancellationToken cancellationToken = default)
    {
        var items = new List<LlmStreamItem>();
        try
        {
            await foreach (var item in stream.WithCancellation(cancellationToken))
            {
                items.Add(item);
            }
        }
        catch (Exception ex) when (ex is LlmException or OperationCanceledException)
        {
            return new StreamResult(items, ex);
        }

        return new StreamResult(items, null);
    }

    /// <summary>Reads the whole stream, failing the test (naming it) if it does not end within the safety limit.</summary>
    public static Task<StreamResult> ReadAllOrFail(this IAsyncEnumerable<LlmStreamItem> stream, string what, CancellationToken cancellationToken = default) =>
        stream.ReadAllAsync(cancellationToken).WaitOrFail(what);

    /// <summary>The next item, failing the test (naming it) if it does not come within the safety limit.</summary>
    public static async Task<LlmStreamItem> NextOrFail(this IAsyncEnumerator<LlmStreamItem> items, string what)
    {
        Assert.True(await items.MoveNextAsync().AsTask().WaitOrFail(what), $"The stream ended before {what}.");
        return items.Current;
    }
}
