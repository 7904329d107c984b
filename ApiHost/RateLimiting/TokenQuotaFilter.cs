using LlmMultiChat.ApiHost.Auth;
using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.Grains.Users;

namespace LlmMultiChat.ApiHost.RateLimiting;

/// <summary>
/// Refuses an endpoint that would spend LLM tokens when the caller's daily quota is used up, with 429 and the
/// quota in the X-RateLimit headers (limit and remaining in tokens, reset at the next UTC midnight).
/// </summary>
public sealed class TokenQuotaFilter(IGrainFactory grains, TimeProvider time) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var quota = await grains.GetGrain<IUserGrain>(http.User.UserId()).Quota().ConfigureAwait(false);
        if (quota.IsExhausted)
        {
            RateLimitHeaders.Write(http.Response, quota.Limit!.Value, 0, quota.ResetsAt, time.GetUtcNow());
            return ApiProblems.Result(ApiErrors.QuotaExhausted, $"Today's {quota.Limit} tokens are used; the quota resets at {quota.ResetsAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.");
        }

        return await next(context).ConfigureAwait(false);
    }
}
