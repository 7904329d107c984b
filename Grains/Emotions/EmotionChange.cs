namespace LlmMultiChat.Grains.Emotions;

/// <summary>What one message did to a character's emotions: the new state, what was read, and the deltas applied (before clamping).</summary>
public sealed record EmotionChange(CharacterEmotion Emotion, EmotionAppraisal Appraisal, IReadOnlyDictionary<Emotion, double> Deltas);
