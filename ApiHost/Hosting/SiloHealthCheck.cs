using Microsoft.Extensions.Diagnostics.HealthChecks;
using Silo.Hosting;

namespace LlmMultiChat.ApiHost.Hosting;

/// <summary>Ready while the co-hosted silo is Running (it takes no new calls while starting or stopping).</summary>
internal sealed class SiloHealthCheck(SiloHost silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var snapshot = silo.GetSnapshot();
        var description = $"Silo {snapshot.SiloName} is {snapshot.Status}.";
        return Task.FromResult(snapshot.Status == SiloStatus.Running
            ? HealthCheckResult.Healthy(description)
            : new HealthCheckResult(context.Registration.FailureStatus, description));
    }
}
