namespace Silo;

/// <summary>A grain call did not complete within its timeout. The grain's own work is not cancelled by this.</summary>
public sealed class GrainCallTimeoutException : TimeoutException
{
    public GrainCallTimeoutException(GrainId grainId, string method, TimeSpan timeout)
        : base($"The call {grainId}.{method} did not complete within {timeout.TotalSeconds:0.###} s.")
    {
        GrainId = grainId;
        Method = method;
        Timeout = timeout;
    }

    public GrainCallTimeoutException()
    {
        Method = string.Empty;
    }

    public GrainCallTimeoutException(string message)
        : base(message)
    {
        Method = string.Empty;
    }

    public GrainCallTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = string.Empty;
    }

    /// <summary>The grain called.</summary>
    public GrainId GrainId { get; }

    /// <summary>The interface method called.</summary>
    public string Method { get; }

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }
}
