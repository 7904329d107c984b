using Benchmarks.Grains;
using Microsoft.Extensions.DependencyInjection;
using Silo.Filters;
using Silo.Hosting;

namespace Benchmarks;

/// <summary>
/// The silo the benchmarks run. Production-like: default call timeout and deadlock detection, one incoming and one
/// outgoing call filter, and a metrics listener aggregating every instrument the way an exporter does. Minimal:
/// no filters and nobody listening to metrics, to show what those cost.
/// </summary>
internal sealed class BenchmarkSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchmarkSilo(ServiceProvider services, bool productionLike)
    {
        _services = services;
        Host = services.GetRequiredService<SiloHost>();
        Metrics = productionLike ? new MetricsExporterStandIn(Host.Meter) : null;
    }

    public SiloHost Host { get; }

    public IGrainFactory Grains => Host.GrainFactory;

    public MetricsExporterStandIn? Metrics { get; }

    public static Task<BenchmarkSilo> StartProductionLikeAsync(string? sqlitePath = null) => StartAsync(productionLike: true, sqlitePath);

    public static Task<BenchmarkSilo> StartMinimalAsync() => StartAsync(productionLike: false, sqlitePath: null);

    public async ValueTask DisposeAsync()
    {
        Metrics?.Dispose();
        await Host.StopAsync();
        await _services.DisposeAsync();
    }

    private static async Task<BenchmarkSilo> StartAsync(bool productionLike, string? sqlitePath)
    {
        var services = new ServiceCollection();
        services.AddSilo(silo =>
        {
            silo.AddGrains(typeof(PingGrain).Assembly).AddMemoryGrainStorage().AddInProcessStreams();
            if (productionLike)
            {
                silo.AddIncomingGrainCallFilter(new PassThroughIncomingFilter()).AddOutgoingGrainCallFilter(new PassThroughOutgoingFilter());
            }

            if (sqlitePath is not null)
            {
                silo.UseSqlite(o => o.Path = sqlitePath);
            }
        });
        var silo = new BenchmarkSilo(services.BuildServiceProvider(), productionLike);
        await silo.Host.StartAsync();
        return silo;
    }

    /// <summary>What a tracing or authorization filter costs at least: a hop through the pipeline.</summary>
    private sealed class PassThroughIncomingFilter : IIncomingGrainCallFilter
    {
        public ValueTask Invoke(IIncomingGrainCallContext context) => context.Invoke();
    }

    private sealed class PassThroughOutgoingFilter : IOutgoingGrainCallFilter
    {
        public ValueTask Invoke(IOutgoingGrainCallContext context) => context.Invoke();
    }
}
