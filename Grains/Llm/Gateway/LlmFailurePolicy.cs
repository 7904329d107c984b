namespace LlmMultiChat.Grains.Llm.Gateway;

/// <summary>Which failures are worth another try, and which say the endpoint itself is unhealthy.</summary>
internal static class LlmFailurePolicy
{
    /// <summary>
    /// Retry the same model: unreachable, throttled or server errors, timeouts, cuts. Not: a broken protocol (it would
    /// break again), a request the endpoint rejects (400, 401, 404, ...), an open circuit.
    /// </summary>
    public static bool IsTransient(LlmException failure) => failure switch
    {
        LlmHttpException http => http.IsTransient,
        { Code: LlmErrorCodes.Unavailable or LlmErrorCodes.Timeout or LlmErrorCodes.StreamCut } => true,
        _ => false,
    };

    /// <summary>
    /// Counts toward the endpoint's circuit breaker: everything but answers about this one request (a missing model,
    /// a prompt too large), which say nothing about whether the endpoint can serve other requests.
    /// </summary>
    public static bool CountsAgainstEndpoint(LlmException failure) => failure switch
    {
        LlmHttpException http => !http.IsRequestSpecific,
        { Code: LlmErrorCodes.CircuitOpen or LlmErrorCodes.UnknownProvider } => false,
        _ => true,
    };
}
