namespace LlmMultiChat.Grains.Llm;

public enum LlmRole
{
    System,
    User,
    Assistant,
}
