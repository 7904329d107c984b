namespace LlmMultiChat.ApiHost.ServiceDefaults;

/// <summary>Which health endpoint runs a check.</summary>
public static class HealthCheckTags
{
    /// <summary>Checks of <c>/health/live</c>: the process itself, never a dependency.</summary>
    public const string Live = "live";

    /// <summary>Checks of <c>/health/ready</c>: what the node needs to serve requests.</summary>
    public const string Ready = "ready";
}
