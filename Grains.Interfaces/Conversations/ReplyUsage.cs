namespace LlmMultiChat.Grains.Conversations;

/// <summary>What a reply cost: which model answered, tokens, and timings.</summary>
public sealed record ReplyUsage(
    string Provider,
    string Model,
    int PromptTokens,
    int CompletionTokens,
    double TimeToFirstTokenMs,
    double TotalMs,
    bool UsedFallback);
