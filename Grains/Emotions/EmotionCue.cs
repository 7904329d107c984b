namespace LlmMultiChat.Grains.Emotions;

/// <summary>
/// One lexicon hit in a message. <see cref="Emotion"/> is what the hit signals after negation: a negated positive
/// word reads as sadness, a negated negative word as mild joy (嬉しくない is sad; 怖くない is reassuring).
/// </summary>
public sealed record EmotionCue(string Term, Emotion Emotion, double Intensity, bool Negated);
