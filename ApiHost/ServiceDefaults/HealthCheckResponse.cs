namespace LlmMultiChat.ApiHost.ServiceDefaults;

/// <summary>One health check's outcome: <c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c>, and why.</summary>
public sealed record HealthCheckResponse(string Name, string Status, string? Description);
