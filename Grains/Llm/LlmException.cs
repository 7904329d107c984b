namespace LlmMultiChat.Grains.Llm;

/// <summary>A model could not (or could no longer) answer. <see cref="Code"/> is stable, for error events and APIs.</summary>
public class LlmException : Exception
{
    public LlmException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public LlmException()
        : this(LlmErrorCodes.Unavailable, "The model failed.")
    {
    }

    public LlmException(string message)
        : this(LlmErrorCodes.Unavailable, message)
    {
    }

    public LlmException(string message, Exception innerException)
        : this(LlmErrorCodes.Unavailable, message, innerException)
    {
    }

    /// <summary>One of <see cref="LlmErrorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>True when the failure came after at least one token was produced.</summary>
    public bool AfterFirstToken { get; init; }
}
