namespace LlmMultiChat.Grains.Llm.Gateway;

/// <summary>Llm:Timeouts. All but <see cref="Connect"/> run on the injected TimeProvider.</summary>
public sealed class LlmTimeoutOptions
{
    /// <summary>Opening a TCP connection to an endpoint (SocketsHttpHandler.ConnectTimeout, on the real clock). Default 5 s.</summary>
    public TimeSpan Connect { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// From sending a request to its first token or thinking piece, per try. Default 2 min: a CPU-only Ollama may
    /// need to load the model and read a long prompt first.
    /// </summary>
    public TimeSpan FirstToken { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest silence between two pieces of a reply once it started. Default 30 s.</summary>
    public TimeSpan BetweenTokens { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The whole reply, every try and fallback included. Default 10 min.</summary>
    public TimeSpan Total { get; set; } = TimeSpan.FromMinutes(10);
}
