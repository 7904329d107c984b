using Microsoft.Extensions.Diagnostics.HealthChecks;
using Silo.Storage;

namespace LlmMultiChat.ApiHost.Hosting;

/// <summary>Adapts a storage's own health probe (can it take writes now?) to an ASP.NET Core health check.</summary>
internal sealed class StorageProbeHealthCheck(IStorageHealthProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var health = await probe.CheckAsync(cancellationToken).ConfigureAwait(false);
        return health.IsHealthy
            ? HealthCheckResult.Healthy(health.Description)
            : new HealthCheckResult(context.Registration.FailureStatus, health.Description);
    }
}
