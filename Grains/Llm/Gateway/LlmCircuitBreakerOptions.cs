namespace LlmMultiChat.Grains.Llm.Gateway;

/// <summary>
/// Llm:CircuitBreaker, one breaker per provider: when at least <see cref="FailureRatio"/> of the tries in
/// <see cref="SamplingDuration"/> failed (and there were at least <see cref="MinimumThroughput"/>), calls fail fast with
/// <see cref="LlmErrorCodes.CircuitOpen"/> for <see cref="BreakDuration"/>; then one trial call decides whether it closes.
/// </summary>
public sealed class LlmCircuitBreakerOptions
{
    /// <summary>Share of failed tries that opens the circuit, in (0, 1]. Default 0.5.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Tries needed in the sampling window before the ratio counts (at least 2). Default 4.</summary>
    public int MinimumThroughput { get; set; } = 4;

    /// <summary>The window over which the ratio is measured (at least 0.5 s). Default 1 min.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the circuit stays open (at least 0.5 s). Default 30 s.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
