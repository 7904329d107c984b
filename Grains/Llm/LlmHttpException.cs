namespace LlmMultiChat.Grains.Llm;

/// <summary>The endpoint answered with an HTTP error status (code <see cref="LlmErrorCodes.Unavailable"/>).</summary>
public sealed class LlmHttpException : LlmException
{
    public LlmHttpException(int statusCode, string message, Exception? innerException = null)
        : base(LlmErrorCodes.Unavailable, message, innerException)
    {
        StatusCode = statusCode;
    }

    public LlmHttpException()
        : this(500, "The model's endpoint answered with an error status.")
    {
    }

    public LlmHttpException(string message)
        : this(500, message)
    {
    }

    public LlmHttpException(string message, Exception innerException)
        : this(500, message, innerException)
    {
    }

    /// <summary>The HTTP status the endpoint answered with.</summary>
    public int StatusCode { get; }

    /// <summary>
    /// True for statuses that say "this request will never work here" (bad request, not found, too large,
    /// unprocessable): retrying is pointless and the endpoint itself is not unhealthy.
    /// </summary>
    public bool IsRequestSpecific => StatusCode is 400 or 404 or 405 or 413 or 422;

    /// <summary>True for statuses worth retrying: timeouts, throttling and server errors.</summary>
    public bool IsTransient => StatusCode is 408 or 425 or 429 or >= 500;
}
