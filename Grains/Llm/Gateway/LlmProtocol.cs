namespace LlmMultiChat.Grains.Llm.Gateway;

/// <summary>The wire protocol of a provider (Llm:Providers:&lt;name&gt;:Protocol).</summary>
public enum LlmProtocol
{
    /// <summary>Ollama's native /api/chat.</summary>
    Ollama,

    /// <summary>OpenAI's /v1/chat/completions, spoken by OpenAI and many compatible servers.</summary>
    OpenAi,
}
