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
        var reached = Enumerable.Range(state.Level + 1, level - state.Level).ToList();
        var unlocks = reached.SelectMany(l => _options.Rewards.GetValueOrDefault(l)?.Unlocks ?? []).ToList();
        return new GrowthUpdate(counted with { Xp = xp, Level = level }, reached, unlocks);
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
