namespace LlmMultiChat.Grains.Llm;

/// <summary>
/// One provider endpoint speaking one wire protocol (Ollama's /api/chat, OpenAI's /v1/chat/completions). Yields
/// tokens as they arrive and ends with <see cref="LlmCompleted"/>; throws <see cref="LlmException"/> on failure.
/// Every implementation passes the same conformance suite against the fake LLM server.
/// </summary>
public interface ILlmChatClient
{
    /// <summary>The configured provider name (the key under Llm:Providers).</summary>
    string ProviderName { get; }

    IAsyncEnumerable<LlmStreamItem> StreamChatAsync(LlmChatRequest request, CancellationToken cancellationToken);
}
