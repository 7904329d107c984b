namespace LlmMultiChat.Grains.Memory;

/// <summary>What a character keeps of what a user tells it, and how it recalls it (docs/decisions.md §9).</summary>
public sealed record LongTermMemoryOptions
{
    public const string SectionName = "LongTermMemory";

    /// <summary>A statement with fewer distinct concepts (single kanji included) than this is small talk ("うん", "ok", "こんにちは", "了解です").</summary>
    public int MinConcepts { get; init; } = 2;

    /// <summary>A statement is kept when its importance is at least this: a new neutral fact scores 0.31, a repeat 0.25.</summary>
    public double KeepAtLeast { get; init; } = 0.3;

    /// <summary>Most memories per (character, user); beyond it the least important (then the oldest) is dropped.</summary>
    public int MaxPerUser { get; init; } = 1000;

    /// <summary>Recall ranks by RelevanceWeight·cosine + ImportanceWeight·importance + RecencyWeight·recency.</summary>
    public double RelevanceWeight { get; init; } = 0.6;

    public double ImportanceWeight { get; init; } = 0.25;

    public double RecencyWeight { get; init; } = 0.15;

    /// <summary>Recency is 0.5^(age / RecencyHalfLife): 1 for a memory kept now, ½ after this long.</summary>
    public TimeSpan RecencyHalfLife { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Memories less similar to the query than this are not recalled, however important or recent.</summary>
    public double MinRelevance { get; init; } = 0.2;

    /// <summary>The most memories one recall may ask for.</summary>
    public int MaxRecall { get; init; } = 100;

    /// <summary>A consolidation keeps this share of the memories kept since the last one, the most important (upstream: the top 70 %).</summary>
    public double ConsolidationKeeps { get; init; } = 0.7;

    /// <summary>A reply's prompt carries at most this many lessons, those drawn in the most similar situations.</summary>
    public int LessonsInPrompt { get; init; } = 3;

    /// <summary>A new statement is checked for contradictions against this many of the user's most similar memories (upstream: top 10).</summary>
    public int ContradictionCandidates { get; init; } = 10;

    /// <summary>Most lessons kept per (character, user); beyond it the oldest goes.</summary>
    public int LessonsPerUser { get; init; } = 50;

    /// <summary>The user profile keeps this many topics; beyond it the least mentioned go.</summary>
    public int ProfileTopics { get; init; } = 200;

    /// <summary>A topic is an interest once the user brought it up this many times…</summary>
    public int InterestMinMentions { get; init; } = 2;

    /// <summary>…and a prompt names at most this many of them.</summary>
    public int InterestsInPrompt { get; init; } = 5;

    /// <summary>The weights of the importance score (spec §3.6).</summary>
    public ImportanceOptions Importance { get; init; } = new();

    /// <exception cref="InvalidOperationException">A value cannot be honoured; the message names the section.</exception>
    public void Validate()
    {
        if (MinConcepts < 0 || KeepAtLeast is < 0 or > 1 || MaxPerUser < 1 || RelevanceWeight < 0 || ImportanceWeight < 0 || RecencyWeight < 0
            || RecencyHalfLife <= TimeSpan.Zero || MinRelevance is < -1 or > 1 || MaxRecall < 1
            || ConsolidationKeeps is < 0 or > 1 || LessonsPerUser < 1 || LessonsInPrompt < 0 || ContradictionCandidates < 1
            || ProfileTopics < 0 || InterestMinMentions < 1 || InterestsInPrompt < 0)
        {
            throw new InvalidOperationException(
                $"{SectionName} options: MaxPerUser, MaxRecall, LessonsPerUser, ContradictionCandidates and InterestMinMentions must be at least 1; ProfileTopics, LessonsInPrompt and InterestsInPrompt not negative; MinConcepts and the weights not negative; KeepAtLeast and ConsolidationKeeps in [0, 1]; "
                + "MinRelevance in [-1, 1]; RecencyHalfLife positive.");
        }
    }
}
