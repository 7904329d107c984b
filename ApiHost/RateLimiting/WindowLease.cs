using System.Threading.RateLimiting;

namespace LlmMultiChat.ApiHost.RateLimiting;

/// <summary>The outcome of one attempt: granted or not, and the window's numbers for the X-RateLimit headers.</summary>
internal sealed class WindowLease(bool acquired, int limit, int remaining, DateTimeOffset resetsAt, TimeSpan retryAfter) : RateLimitLease
{
    public override bool IsAcquired => acquired;

    public int Limit => limit;

    public int Remaining => remaining;

    public DateTimeOffset ResetsAt => resetsAt;

    /// <summary>What a refused caller is told (HTTP problem detail, hub error).</summary>
    public string RefusalDetail => $"At most {limit} such requests per window; try again after {resetsAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.";

    public override IEnumerable<string> MetadataNames => acquired ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (!acquired && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = retryAfter;
            return true;
        }

        metadata = null;
        return false;
    }
}
