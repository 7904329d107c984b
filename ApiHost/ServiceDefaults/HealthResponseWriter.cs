using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LlmMultiChat.ApiHost.ServiceDefaults;

/// <summary>Writes a health report as <see cref="HealthResponse"/> JSON.</summary>
internal static class HealthResponseWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new HealthResponse(
            report.Status.ToString(),
            [.. report.Entries.Select(entry => new HealthCheckResponse(
                entry.Key,
                entry.Value.Status.ToString(),
                entry.Value.Description ?? entry.Value.Exception?.Message))]);
        return context.Response.WriteAsJsonAsync(body, Json, context.RequestAborted);
    }
}
