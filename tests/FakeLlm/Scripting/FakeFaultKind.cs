namespace LlmMultiChat.FakeLlm.Scripting;

/// <summary>How a scripted reply goes wrong.</summary>
public enum FakeFaultKind
{
    /// <summary>The connection is aborted (not ended cleanly) after the given number of tokens were sent.</summary>
    Cut,

    /// <summary>Nothing more is sent after the given number of tokens; the connection is held open until the client leaves.</summary>
    Stall,

    /// <summary>A line (Ollama) or chunk (OpenAI) that is not valid JSON is sent after the given number of tokens, then the response ends.</summary>
    Malformed,

    /// <summary>The connection is aborted before any response header is sent.</summary>
    Drop,

    /// <summary>The response ends cleanly (HTTP-wise) after the given number of tokens, without the protocol's final message.</summary>
    EndEarly,
}
