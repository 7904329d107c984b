namespace LlmMultiChat.Grains.Emotions;

/// <summary>
/// A character's emotional state as stored: the current values as of <see cref="UpdatedAt"/>, the baseline they
/// decay toward, and the recent mood samples (oldest first).
/// </summary>
public sealed record CharacterEmotion(EmotionState Current, EmotionState Baseline, DateTimeOffset UpdatedAt, IReadOnlyList<MoodSample> History);
