using Benchmarks.Grains;
using Microsoft.Extensions.DependencyInjection;
using Silo.Hosting;

namespace Benchmarks;

/// <summary>A silo with no call filters and nobody listening to its metrics, to show what those cost.</summary>
internal sealed class MinimalSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private MinimalSilo(ServiceProvider services)
    {
        _services = services;
        Host = services.GetRequiredService<SiloHost>();
    }

    public SiloHost Host { get; }

    public IGrainFactory Grains => Host.GrainFactory;

    public static async Task<MinimalSilo> StartAsync()
    {
        var services = new ServiceCollection();
        services.AddSilo(silo => silo.AddGrains(typeof(PingGrain).Assembly).AddMemoryGrainStorage());
        var silo = new MinimalSilo(services.BuildServiceProvider());
        await silo.Host.StartAsync();
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        await _services.DisposeAsync();
    }
}
