using System.Threading.RateLimiting;

namespace LlmMultiChat.ApiHost.RateLimiting;

/// <summary>
/// A fixed window per caller that starts at the caller's first request, on the host's <see cref="TimeProvider"/>
/// (the framework's limiters read the system clock, so tests could not move their windows). No queueing: a request
/// over the limit is refused at once with the time until the window ends.
/// </summary>
internal sealed class WindowRateLimiter(RateLimitRule rule, TimeProvider time) : RateLimiter
{
    private readonly Lock _lock = new();
    private DateTimeOffset _windowEnd = DateTimeOffset.MinValue;
    private int _used;

    /// <summary>
    /// Idle only once the window is over: the partitioned limiter drops idle limiters, and dropping one with
    /// permits still counted would hand the caller a fresh window.
    /// </summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                var now = time.GetUtcNow();
                return now >= _windowEnd ? now - _windowEnd : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = time.GetUtcNow() >= _windowEnd ? rule.PermitLimit : rule.PermitLimit - _used };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (now >= _windowEnd)
            {
                _windowEnd = now + rule.Window;
                _used = 0;
            }

            if (_used + permitCount <= rule.PermitLimit)
            {
                _used += permitCount;
                return new WindowLease(true, rule.PermitLimit, rule.PermitLimit - _used, _windowEnd, TimeSpan.Zero);
            }

            return new WindowLease(false, rule.PermitLimit, 0, _windowEnd, _windowEnd - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));
}
