namespace LlmMultiChat.Grains.Growth;

/// <summary>
/// A character's KPIs, experience and level. The level is stored, not only derived from the experience, so a
/// level-up is reported once: the level it was at is known after a restart.
/// </summary>
public sealed record GrowthState
{
    public static GrowthState Initial { get; } = new();

    public int ThumbsUp { get; init; }

    public int ThumbsDown { get; init; }

    public int AnswerHits { get; init; }

    public int SearchSuccesses { get; init; }

    public int Conversations { get; init; }

    public long Xp { get; init; }

    public int Level { get; init; }

    public int this[GrowthKpi kpi] => kpi switch
    {
        GrowthKpi.ThumbsUp => ThumbsUp,
        GrowthKpi.ThumbsDown => ThumbsDown,
        GrowthKpi.AnswerHit => AnswerHits,
        GrowthKpi.SearchSuccess => SearchSuccesses,
        GrowthKpi.Conversation => Conversations,
        _ => throw new ArgumentOutOfRangeException(nameof(kpi), kpi, "Not a growth KPI."),
    };

    public GrowthState Count(GrowthKpi kpi) => kpi switch
    {
        GrowthKpi.ThumbsUp => this with { ThumbsUp = ThumbsUp + 1 },
        GrowthKpi.ThumbsDown => this with { ThumbsDown = ThumbsDown + 1 },
        GrowthKpi.AnswerHit => this with { AnswerHits = AnswerHits + 1 },
        GrowthKpi.SearchSuccess => this with { SearchSuccesses = SearchSuccesses + 1 },
        GrowthKpi.Conversation => this with { Conversations = Conversations + 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(kpi), kpi, "Not a growth KPI."),
    };
}
