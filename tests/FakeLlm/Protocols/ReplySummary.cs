namespace LlmMultiChat.FakeLlm.Protocols;

/// <summary>How a reply ended: the finish reason and the token counts reported as usage.</summary>
internal sealed record ReplySummary(string FinishReason, int PromptTokens, int CompletionTokens);
