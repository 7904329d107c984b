namespace LlmMultiChat.Grains.Memory;

/// <summary>The weights and thresholds of <see cref="ImportanceScorer"/> (spec §3.6, ARCHITECTURE §6 "Importance").</summary>
public sealed record ImportanceOptions
{
    public double ValenceWeight { get; init; } = 0.4;

    public double NoveltyWeight { get; init; } = 0.3;

    public double RelatednessWeight { get; init; } = 0.2;

    public double MentionsWeight { get; init; } = 0.1;

    /// <summary>Mentions count fully from this many on.</summary>
    public int MentionsSaturation { get; init; } = 10;

    /// <summary>A memory scoring above this goes to long-term at once.</summary>
    public double PromoteAbove { get; init; } = 0.8;

    /// <summary>Novelty looks at this many nearest stored memories…</summary>
    public int NoveltyNeighbours { get; init; } = 5;

    /// <summary>…and counts those at least this similar as "already known".</summary>
    public double NoveltySimilarity { get; init; } = 0.8;
}
