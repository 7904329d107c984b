using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.Grains.Growth;

/// <summary>
/// Turns KPI events into experience and levels (ARCHITECTURE §6, "Growth"): weighted XP,
/// level = floor(sqrt(XP / 10)) from 0, unlocks and parameter effects from configuration.
/// </summary>
public sealed class GrowthTracker
{
    private readonly GrowthOptions _options;

    public GrowthTracker(GrowthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>
    /// floor(sqrt(xp / 10)). Dividing in integers first changes nothing (floor(sqrt(floor(x))) = floor(sqrt(x))) and
    /// leaves Sqrt a whole number, on which it is exact: 100 XP is level 3, never 2.999….
    /// </summary>
    public static int LevelFor(long xp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(xp);
        return (int)Math.Sqrt(xp / 10);
    }

    public GrowthUpdate Record(GrowthState state, GrowthKpi kpi)
    {
        ArgumentNullException.ThrowIfNull(state);
        var counted = state.Count(kpi);
        var xp = counted.Xp + _options.XpFor(kpi);
        var level = Math.Max(state.Level, LevelFor(xp));
        var reached = Enumerable.Range(state.Level + 1, level - state.Level)
            .Select(l => new LevelReached(l, [.. _options.Rewards.GetValueOrDefault(l)?.Unlocks ?? []]))
            .ToList();
        return new GrowthUpdate(counted with { Xp = xp, Level = level }, reached);
    }

    /// <summary>The least experience at <paramref name="level"/>: 10 · level².</summary>
    public static long XpAt(int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        return 10L * level * level;
    }

    /// <summary>What a character's growth looks like from outside: its state, what its level gives, and <paramref name="reached"/>.</summary>
    public GrowthProgress Progress(GrowthState state, IReadOnlyList<LevelReached> reached)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(reached);
        var rewards = RewardsAt(state.Level);
        return new GrowthProgress(
            state.Xp,
            state.Level,
            XpAt(state.Level + 1),
            state.ThumbsUp,
            state.ThumbsDown,
            state.AnswerHits,
            state.SearchSuccesses,
            state.Conversations,
            rewards.Unlocked,
            rewards.ParameterEffects,
            reached);
    }

    public GrowthRewards RewardsAt(int level)
    {
        var earned = _options.Rewards.Where(r => r.Key <= level).OrderBy(r => r.Key).Select(r => r.Value).ToList();
        return new GrowthRewards(
            [.. earned.SelectMany(r => r.Unlocks).Distinct(StringComparer.Ordinal)],
            earned.SelectMany(r => r.ParameterDeltas)
                .GroupBy(d => d.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(d => d.Value), StringComparer.Ordinal));
    }
}
