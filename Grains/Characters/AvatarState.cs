namespace LlmMultiChat.Grains.Characters;

/// <summary>A character's avatar, kept apart from the persona so versions do not copy image bytes.</summary>
public sealed class AvatarState
{
    public byte[]? Png { get; set; }
}
