using LlmMultiChat.Grains.Emotions;

namespace LlmMultiChat.Grains.Characters;

/// <summary>A character's emotions as last changed; null until the first message it hears (it rests at its baseline).</summary>
public sealed class CharacterEmotionState
{
    public CharacterEmotion? Emotion { get; set; }
}
