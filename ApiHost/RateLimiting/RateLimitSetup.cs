using System.Threading.RateLimiting;
using LlmMultiChat.ApiHost.Auth;
using LlmMultiChat.ApiHost.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LlmMultiChat.ApiHost.RateLimiting;

/// <summary>ASP.NET Core's rate limiter with the named policies of <see cref="RateLimitOptions"/>, per caller.</summary>
public static class RateLimitSetup
{
    private const string ApiPath = "/api";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>(b => b.ErrorOnUnknownConfiguration = true) ?? new();
        options.Validate();
        services.AddSingleton(Options.Create(options));
        services.AddRateLimiter(limiter =>
        {
            foreach (var (name, rule) in options.Named())
            {
                limiter.AddPolicy(name, context => Partition(context, rule));
            }

            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments(ApiPath) ? Partition(context, options.Default) : RateLimitPartition.GetNoLimiter(string.Empty));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitRule rule)
    {
        if (!rule.IsEnabled)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        return RateLimitPartition.Get(CallerKey(context), _ => new WindowRateLimiter(rule, time));
    }

    /// <summary>The signed-in user, or the client's address when anonymous.</summary>
    private static string CallerKey(HttpContext context) =>
        context.User.FindFirst(AuthClaims.Subject)?.Value is { } userId
            ? "user:" + userId
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var error = ApiErrors.RateLimited;
        string? detail = null;
        if (rejected.Lease is WindowLease lease)
        {
            var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            RateLimitHeaders.Write(context.Response, lease.Limit, lease.Remaining, lease.ResetsAt, now);
            detail = $"At most {lease.Limit} such requests per window; try again after {lease.ResetsAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.";
        }

        context.Response.StatusCode = error.Status;
        var problem = new ProblemDetails { Status = error.Status, Title = error.Title, Detail = detail };
        problem.Extensions[ApiProblems.CodeKey] = error.Code;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).ConfigureAwait(false);
    }
}
