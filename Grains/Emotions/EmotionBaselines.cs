using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.Grains.Emotions;

/// <summary>
/// Where each character's emotions rest: the upstream YAML's initial emotions for the three standard characters
/// (upstream spec §2.2), and the S04 / IMPL §15.1 initial state for everyone else.
/// </summary>
public static class EmotionBaselines
{
    public static EmotionState Lumina { get; } = new(0.7, 0.8, 0.1, 0.3, 0.1, 0, 0, 0.6);

    public static EmotionState Clarisse { get; } = new(0.5, 0.9, 0, 0.2, 0, 0, 0, 0.4);

    public static EmotionState Nox { get; } = new(0.3, 0.5, 0, 0.4, 0, 0.2, 0.1, 0.7);

    /// <summary>
    /// Mildly positive with no negative emotion. Not 0.5 for all eight (P4): fear, disgust and anger would then rest
    /// at half strength in every character (the drift the spec points out in §4.3).
    /// </summary>
    public static EmotionState Neutral { get; } = new(0.5, 0.5, 0, 0, 0, 0, 0, 0.5);

    public static EmotionState For(string characterId) => characterId switch
    {
        UpstreamCharacters.LuminaId => Lumina,
        UpstreamCharacters.ClarisseId => Clarisse,
        UpstreamCharacters.NoxId => Nox,
        _ => Neutral,
    };
}
