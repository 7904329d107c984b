namespace LlmMultiChat.Grains.Characters;

/// <summary>A level a character has just reached and the features that level unlocked (empty when it unlocks none).</summary>
public sealed record LevelReached(int Level, IReadOnlyList<string> Unlocked);
