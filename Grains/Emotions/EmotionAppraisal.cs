namespace LlmMultiChat.Grains.Emotions;

/// <summary>What a message says emotionally: the lexicon hits, and their overall valence in [-1, 1].</summary>
public sealed record EmotionAppraisal(IReadOnlyList<EmotionCue> Cues, double Valence)
{
    public static EmotionAppraisal None { get; } = new([], 0);
}
