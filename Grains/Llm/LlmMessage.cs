namespace LlmMultiChat.Grains.Llm;

/// <summary>One chat message sent to a model.</summary>
public sealed record LlmMessage(LlmRole Role, string Content);
