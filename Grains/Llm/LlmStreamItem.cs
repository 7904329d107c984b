namespace LlmMultiChat.Grains.Llm;

/// <summary>What a streaming reply yields: text, reasoning text, and finally how it ended.</summary>
public abstract record LlmStreamItem;

/// <summary>The next piece of the answer.</summary>
public sealed record LlmToken(string Text) : LlmStreamItem;

/// <summary>The next piece of the model's reasoning (Ollama's "thinking", or a &lt;think&gt; section).</summary>
public sealed record LlmThinking(string Text) : LlmStreamItem;

/// <summary>The reply ended normally; the last item of a stream.</summary>
public sealed record LlmCompleted(string Provider, string Model, int PromptTokens, int CompletionTokens, string? FinishReason, bool UsedFallback) : LlmStreamItem;
