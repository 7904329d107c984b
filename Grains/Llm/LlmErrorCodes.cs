namespace LlmMultiChat.Grains.Llm;

/// <summary>Stable error codes of the LLM layer.</summary>
public static class LlmErrorCodes
{
    /// <summary>The endpoint refused, answered with an error status, or could not be reached.</summary>
    public const string Unavailable = "llm_unavailable";

    /// <summary>No first token, a gap between tokens, or the whole reply took too long.</summary>
    public const string Timeout = "llm_timeout";

    /// <summary>The connection was cut in the middle of the stream.</summary>
    public const string StreamCut = "llm_stream_cut";

    /// <summary>The endpoint sent something that is not the protocol (malformed JSON, a wrong shape).</summary>
    public const string Protocol = "llm_protocol_error";

    /// <summary>The endpoint's circuit breaker is open after repeated failures.</summary>
    public const string CircuitOpen = "llm_circuit_open";

    /// <summary>The binding names a provider that is not configured.</summary>
    public const string UnknownProvider = "llm_unknown_provider";
}
