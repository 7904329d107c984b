namespace LlmMultiChat.ApiHost.ServiceDefaults;

/// <summary>The body of the health endpoints: the overall status and one entry per check that ran.</summary>
public sealed record HealthResponse(string Status, IReadOnlyList<HealthCheckResponse> Checks);
