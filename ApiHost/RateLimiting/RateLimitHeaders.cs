using System.Globalization;

namespace LlmMultiChat.ApiHost.RateLimiting;

/// <summary>The headers a refused caller gets: how much it may do, how much is left, and when it may try again.</summary>
public static class RateLimitHeaders
{
    public const string Limit = "X-RateLimit-Limit";
    public const string Remaining = "X-RateLimit-Remaining";

    /// <summary>When the window ends, in Unix seconds.</summary>
    public const string Reset = "X-RateLimit-Reset";

    public static void Write(HttpResponse response, long limit, long remaining, DateTimeOffset resetsAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers[Limit] = limit.ToString(CultureInfo.InvariantCulture);
        headers[Remaining] = remaining.ToString(CultureInfo.InvariantCulture);
        headers[Reset] = resetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var wait = Math.Max(1, (long)Math.Ceiling((resetsAt - now).TotalSeconds));
        headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
    }
}
