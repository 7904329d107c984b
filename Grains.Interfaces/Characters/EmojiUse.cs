namespace LlmMultiChat.Grains.Characters;

/// <summary>How often a character uses emoji.</summary>
public enum EmojiUse
{
    None,
    Sparing,
    Frequent,
}
