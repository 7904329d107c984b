using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using LlmMultiChat.ApiHost.Auth;
using Microsoft.Extensions.Options;

namespace LlmMultiChat.ApiHost.RateLimiting;

/// <summary>
/// The windows of the named rules of <see cref="RateLimitOptions"/>, per caller, kept in one place so that every way
/// in to an action counts against one window: the HTTP rate limiter's policies read them, and so does the SignalR
/// hub, whose invocations that middleware never sees (a hub Send and a REST send share the caller's send window).
/// </summary>
public sealed class CallerRateLimits : IDisposable
{
    private readonly Dictionary<string, PartitionedRateLimiter<string>> _byPolicy;

    public CallerRateLimits(IOptions<RateLimitOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The partitioned limiter drops a caller's window once it is idle (WindowRateLimiter.IdleDuration), so
        // memory follows the active callers, not every caller ever seen.
        _byPolicy = options.Value.Named().ToDictionary(
            named => named.Key,
            named => PartitionedRateLimiter.Create<string, string>(caller => named.Value.IsEnabled
                ? RateLimitPartition.Get(caller, _ => new WindowRateLimiter(named.Value, time))
                : RateLimitPartition.GetNoLimiter(caller)),
            StringComparer.Ordinal);
    }

    /// <summary>The signed-in user, or the client's address when anonymous.</summary>
    public static string CallerKey(ClaimsPrincipal? caller, IPAddress? address) =>
        caller?.FindFirst(AuthClaims.Subject)?.Value is { } userId
            ? "user:" + userId
            : "ip:" + (address?.ToString() ?? "unknown");

    /// <summary>Takes permits from the caller's window of <paramref name="policy"/> (one of <see cref="RateLimitPolicies"/>).</summary>
    /// <returns>A lease that is acquired, or, when the window is used up, a <see cref="WindowLease"/> saying until when.</returns>
    public RateLimitLease AttemptAcquire(string policy, string callerKey, int permitCount = 1) => Limiter(policy).AttemptAcquire(callerKey, permitCount);

    public RateLimiterStatistics? GetStatistics(string policy, string callerKey) => Limiter(policy).GetStatistics(callerKey);

    public void Dispose()
    {
        foreach (var limiter in _byPolicy.Values)
        {
            limiter.Dispose();
        }
    }

    private PartitionedRateLimiter<string> Limiter(string policy) =>
        _byPolicy.TryGetValue(policy, out var limiter)
            ? limiter
            : throw new ArgumentException($"There is no rate-limit policy named '{policy}'.", nameof(policy));
}
