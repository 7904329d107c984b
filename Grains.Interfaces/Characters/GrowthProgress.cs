namespace LlmMultiChat.Grains.Characters;

/// <summary>A character's growth: its experience, level, KPI counts and what its level gives.</summary>
/// <param name="NextLevelXp">The experience at which the next level is reached.</param>
/// <param name="Unlocked">Every feature unlocked at its level or below.</param>
/// <param name="ParameterEffects">Parameter name → the summed change of every level reached.</param>
/// <param name="LevelsReached">The levels the recorded KPI event reached, ascending; empty when none (and from a read).</param>
public sealed record GrowthProgress(
    long Xp,
    int Level,
    long NextLevelXp,
    int ThumbsUp,
    int ThumbsDown,
    int AnswerHits,
    int SearchSuccesses,
    int Conversations,
    IReadOnlyList<string> Unlocked,
    IReadOnlyDictionary<string, double> ParameterEffects,
    IReadOnlyList<LevelReached> LevelsReached);
