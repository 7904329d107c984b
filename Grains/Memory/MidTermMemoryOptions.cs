namespace LlmMultiChat.Grains.Memory;

/// <summary>When a conversation's thread is summarised into the mid-term tier, and how long summaries are kept (docs/decisions.md §9).</summary>
public sealed record MidTermMemoryOptions
{
    public const string SectionName = "MidTermMemory";

    /// <summary>A thread is flushed when it has this many messages (humans' and characters' alike)…</summary>
    public int FlushAfterTurns { get; init; } = 12;

    /// <summary>…or when nobody has said anything for this long.</summary>
    public TimeSpan FlushWhenIdleFor { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Summaries older than this are never recalled and are deleted.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The model that writes summaries ("provider:model"); null: the gateway's default model.</summary>
    public string? SummaryModel { get; init; }

    /// <summary>Most lines a summary keeps.</summary>
    public int SummaryLines { get; init; } = 3;

    /// <summary>Most keywords kept per summary.</summary>
    public int MaxKeywords { get; init; } = 10;

    /// <summary>The transcript sent to the summary model is cut to its newest this many characters.</summary>
    public int MaxTranscriptChars { get; init; } = 8000;

    /// <summary>Recall ranks summaries by RelevanceWeight·cosine + RecencyWeight·recency…</summary>
    public double RelevanceWeight { get; init; } = 0.7;

    public double RecencyWeight { get; init; } = 0.3;

    /// <summary>…recency being 0.5^(age / RecencyHalfLife).</summary>
    public TimeSpan RecencyHalfLife { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Summaries less similar to the query than this are not recalled.</summary>
    public double MinRelevance { get; init; } = 0.15;

    /// <exception cref="InvalidOperationException">A value cannot be honoured; the message names the section.</exception>
    public void Validate()
    {
        if (FlushAfterTurns < 1 || FlushWhenIdleFor <= TimeSpan.Zero || Retention <= TimeSpan.Zero || SummaryLines < 1 || MaxKeywords < 0 || MaxTranscriptChars < 100
            || RelevanceWeight < 0 || RecencyWeight < 0 || RecencyHalfLife <= TimeSpan.Zero || MinRelevance is < -1 or > 1)
        {
            throw new InvalidOperationException(
                $"{SectionName} options: FlushAfterTurns and SummaryLines must be at least 1, MaxKeywords not negative, MaxTranscriptChars at least 100, "
                + "the weights not negative, MinRelevance in [-1, 1], FlushWhenIdleFor, Retention and RecencyHalfLife positive.");
        }

        if (SummaryModel is not null)
        {
            _ = Characters.ModelBinding.Parse(SummaryModel);
        }
    }
}
