namespace LlmMultiChat.Grains.Memory;

/// <summary>The mid-term tier (thread summaries, docs/decisions.md §9): how long a summary is recalled and listed.</summary>
public sealed record MidTermMemoryOptions
{
    public const string SectionName = "MidTermMemory";

    /// <summary>Summaries older than this are past retention: no longer recalled or listed (and may be deleted).</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(30);

    /// <exception cref="InvalidOperationException">A value cannot be honoured; the message names the key.</exception>
    public void Validate()
    {
        if (Retention <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:Retention must be positive, not {Retention}.");
        }
    }
}
