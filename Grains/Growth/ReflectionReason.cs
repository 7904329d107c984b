namespace LlmMultiChat.Grains.Growth;

/// <summary>Why a character should reflect on the conversation now (upstream spec §6.1's triggers).</summary>
public enum ReflectionReason
{
    TurnCount,
    ThumbsDown,
}
