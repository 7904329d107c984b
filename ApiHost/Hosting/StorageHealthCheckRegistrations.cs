using LlmMultiChat.ApiHost.ServiceDefaults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Silo.Storage;

namespace LlmMultiChat.ApiHost.Hosting;

/// <summary>
/// One readiness check per registered <see cref="IStorageHealthProbe"/>, named after the probe. Done through options
/// so that whichever storages the silo was configured with are exactly the ones checked.
/// </summary>
internal sealed class StorageHealthCheckRegistrations(IEnumerable<IStorageHealthProbe> probes) : IConfigureOptions<HealthCheckServiceOptions>
{
    public void Configure(HealthCheckServiceOptions options)
    {
        foreach (var probe in probes)
        {
            options.Registrations.Add(new HealthCheckRegistration(
                probe.Name, _ => new StorageProbeHealthCheck(probe), HealthStatus.Unhealthy, [HealthCheckTags.Ready]));
        }
    }
}
