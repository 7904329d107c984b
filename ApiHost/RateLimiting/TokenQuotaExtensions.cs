namespace LlmMultiChat.ApiHost.RateLimiting;

public static class TokenQuotaExtensions
{
    /// <summary>The endpoint spends the caller's LLM tokens: refuse it once the daily quota is used up.</summary>
    public static TBuilder RequireTokenQuota<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.AddEndpointFilter<TBuilder, TokenQuotaFilter>();
}
