using LlmMultiChat.Grains.Llm.OpenAi;

namespace LlmMultiChat.Grains.Llm.Gateway;

/// <summary>A provider after validation and defaults.</summary>
internal sealed record LlmProviderSettings(string Name, LlmProtocol Protocol, Uri BaseUrl, string? ApiKey, OpenAiMaxTokensField MaxTokensField);
