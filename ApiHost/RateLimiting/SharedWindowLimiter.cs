using System.Threading.RateLimiting;

namespace LlmMultiChat.ApiHost.RateLimiting;

/// <summary>
/// What the HTTP rate limiter holds for one caller of a named policy: a pointer to the caller's window in
/// <see cref="CallerRateLimits"/>, where the counting happens.
/// </summary>
internal sealed class SharedWindowLimiter(CallerRateLimits limits, string policy, string callerKey) : RateLimiter
{
    /// <summary>Holds nothing of its own, so the middleware may drop it whenever it likes; the window stays in <see cref="CallerRateLimits"/>.</summary>
    public override TimeSpan? IdleDuration => TimeSpan.MaxValue;

    public override RateLimiterStatistics? GetStatistics() => limits.GetStatistics(policy, callerKey);

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => limits.AttemptAcquire(policy, callerKey, permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));
}
