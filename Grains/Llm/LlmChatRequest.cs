namespace LlmMultiChat.Grains.Llm;

/// <summary>A chat completion request, independent of the wire protocol. Null settings use the provider's defaults.</summary>
public sealed record LlmChatRequest(
    string Model,
    IReadOnlyList<LlmMessage> Messages,
    double? Temperature = null,
    double? TopP = null,
    int? MaxTokens = null,
    IReadOnlyList<string>? Stop = null);
