using LlmMultiChat.ApiHost.Accounts;
using LlmMultiChat.ApiHost.Auth;
using LlmMultiChat.ApiHost.RateLimiting;
using LlmMultiChat.ApiHost.WebUi;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Routing;

namespace LlmMultiChat.ApiHost.Http;

/// <summary>The HTTP API's cross-cutting parts, registered and ordered in one place.</summary>
public static class ApiSetup
{
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        // Binding failures reach ApiExceptionHandler, which tells malformed, mistyped and missing bodies apart.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOptions<RequestLimitsOptions>().Bind(configuration.GetSection(RequestLimitsOptions.SectionName), b => b.ErrorOnUnknownConfiguration = true);
        services.AddApiAuthentication();
        services.AddApiRateLimits(configuration);
        services.AddSingleton<TokenQuotaFilter>();
        services.AddSingleton<PersonalDataExport>();

        var cors = configuration.GetSection(ApiCorsOptions.SectionName).Get<ApiCorsOptions>(b => b.ErrorOnUnknownConfiguration = true) ?? new();
        services.AddCors(options => options.AddPolicy(ApiCorsOptions.PolicyName, policy => policy
            .WithOrigins(cors.AllowedOrigins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders(RateLimitHeaders.Limit, RateLimitHeaders.Remaining, RateLimitHeaders.Reset, "Retry-After")));

        // JSON and the web UI's static code: SSE must reach the client as it is written, and compressing pages that
        // mix secrets with attacker-controlled text over TLS invites BREACH (the UI's files carry neither).
        services.AddResponseCompression(options => options.MimeTypes = ["application/json", "application/problem+json", "text/javascript", "text/css"]);
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecurityScheme>());
        return services;
    }

    /// <summary>The middleware in order: errors, headers, compression, CORS, the web UI's files, routing, who the caller is, what they may do, how often, then the body check.</summary>
    public static WebApplication UseApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeaders>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseResponseCompression();
        app.UseCors(ApiCorsOptions.PolicyName);
        app.UseWebUiFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<RequestBodyGuard>();
        app.MapOpenApi().AllowAnonymous();
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "docs";
            options.SwaggerEndpoint("/openapi/v1.json", "LlmMultiChat API v1");
        });
        return app;
    }
}
