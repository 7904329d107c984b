namespace LlmMultiChat.Grains.Growth;

/// <summary>The state after one KPI event, the levels it reached (ascending; empty when none) and the features those levels unlocked.</summary>
public sealed record GrowthUpdate(GrowthState State, IReadOnlyList<int> LevelsReached, IReadOnlyList<string> NewUnlocks);
