using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.Grains.Growth;

/// <summary>The state after one KPI event and the levels it reached (ascending; empty when none), each with what it unlocked.</summary>
public sealed record GrowthUpdate(GrowthState State, IReadOnlyList<LevelReached> LevelsReached);
