using Microsoft.Extensions.Hosting;

namespace Silo.Hosting;

/// <summary>Runs the silo inside a .NET generic host (ASP.NET Core's included).</summary>
internal sealed class SiloHostedService(SiloHost silo) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => silo.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => silo.StopAsync(cancellationToken);
}
