using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using LlmMultiChat.ApiHost.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LlmMultiChat.ApiHost.ServiceDefaults;

/// <summary>Cross-cutting concerns every node has: structured logs, problem details, health endpoints.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>UTC, ISO 8601 with milliseconds; the separators are quoted so no culture can change them.</summary>
    public const string LogTimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // One JSON object per line on stdout, so log shippers need no parsing rules.
        builder.Logging.AddJsonConsole(options =>
        {
            options.UseUtcTimestamp = true;
            options.TimestampFormat = LogTimestampFormat;
            options.IncludeScopes = true;
        });

        // Request URLs can carry SignalR access tokens; the hosting log would print them at Information.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblems.Complete);
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy("The process is running."), [HealthCheckTags.Live]);

        return builder;
    }

    /// <summary>Turns unhandled exceptions and empty error responses into RFC 9457 problem details.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>
    /// <c>/health/live</c>: the process runs (no dependency is checked, so a slow database never gets the process
    /// restarted). <c>/health/ready</c>: every check tagged ready passes (storage writable, silo running), else 503.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthCheckTags.Live),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthCheckTags.Ready),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        return app;
    }
}
