namespace LlmMultiChat.Grains.Llm.Gateway;

/// <summary>One endpoint: Llm:Providers:&lt;name&gt;:BaseUrl / ApiKey / Protocol / MaxTokensField.</summary>
public sealed class LlmProviderOptions
{
    /// <summary>
    /// Absolute http(s) URL. Ollama: the server's root (default for the name <c>ollama</c>: http://localhost:11434).
    /// OpenAI: the API root including the version (default for the name <c>openai</c>: https://api.openai.com/v1).
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>Sent as a Bearer token (openai protocol only); empty sends no Authorization header.</summary>
    public string? ApiKey { get; set; }

    /// <summary><c>ollama</c> or <c>openai</c>; defaults from the name (a name starting with "ollama" or "openai"), required otherwise.</summary>
    public string? Protocol { get; set; }

    /// <summary>openai protocol: <c>max_completion_tokens</c> (default) or <c>max_tokens</c> (Ollama's /v1 and older servers).</summary>
    public string? MaxTokensField { get; set; }
}
