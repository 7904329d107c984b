namespace LlmMultiChat.Grains.Growth;

/// <summary>How characters grow (configuration section "Growth"; upstream spec §6.5, S03's weights and unlocks).</summary>
public sealed class GrowthOptions
{
    public const string SectionName = "Growth";

    public int ThumbsUpXp { get; set; } = 10;

    /// <summary>
    /// 0: a 👎 is counted (it triggers self-reflection and shows in the KPIs) but takes no experience away. Losing
    /// XP could take a level and its unlocks back, and would let one user wear a character down.
    /// </summary>
    public int ThumbsDownXp { get; set; }

    public int AnswerHitXp { get; set; } = 5;

    public int SearchSuccessXp { get; set; } = 3;

    public int ConversationXp { get; set; } = 1;

    /// <summary>Level → what it gives (S03: Lv5 advanced_search, Lv10 image_generation, Lv20 code_executor).</summary>
    public Dictionary<int, LevelReward> Rewards { get; init; } = new()
    {
        [5] = new LevelReward { Unlocks = ["advanced_search"] },
        [10] = new LevelReward { Unlocks = ["image_generation"] },
        [20] = new LevelReward { Unlocks = ["code_executor"] },
    };

    public int XpFor(GrowthKpi kpi) => kpi switch
    {
        GrowthKpi.ThumbsUp => ThumbsUpXp,
        GrowthKpi.ThumbsDown => ThumbsDownXp,
        GrowthKpi.AnswerHit => AnswerHitXp,
        GrowthKpi.SearchSuccess => SearchSuccessXp,
        GrowthKpi.Conversation => ConversationXp,
        _ => throw new ArgumentOutOfRangeException(nameof(kpi), kpi, "Not a growth KPI."),
    };

    /// <summary>Weights are never negative, so experience and levels only grow (see <see cref="ThumbsDownXp"/>).</summary>
    public void Validate()
    {
        if (Enum.GetValues<GrowthKpi>().Any(k => XpFor(k) < 0) || Rewards.Keys.Any(level => level < 1))
        {
            throw new InvalidOperationException("Growth options: XP weights must not be negative and reward levels start at 1.");
        }
    }
}
