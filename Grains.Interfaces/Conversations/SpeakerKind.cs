namespace LlmMultiChat.Grains.Conversations;

public enum SpeakerKind
{
    Human,
    Character,
    System,
}
