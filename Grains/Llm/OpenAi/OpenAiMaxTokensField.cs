namespace LlmMultiChat.Grains.Llm.OpenAi;

/// <summary>Which request field carries the token limit: servers disagree.</summary>
public enum OpenAiMaxTokensField
{
    /// <summary><c>max_completion_tokens</c>: OpenAI's current name (the official client's choice), required by reasoning models.</summary>
    MaxCompletionTokens,

    /// <summary><c>max_tokens</c>: the older name, the only one Ollama's /v1 and some other compatible servers read.</summary>
    MaxTokens,
}
