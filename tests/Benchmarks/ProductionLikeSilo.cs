using Benchmarks.Grains;
using Microsoft.Extensions.DependencyInjection;
using Silo.Filters;
using Silo.Hosting;
using Silo.Storage.Sqlite;

namespace Benchmarks;

/// <summary>
/// A silo configured as in production: default call timeout and deadlock detection, one incoming and one
/// outgoing call filter, and a metrics listener aggregating every instrument the way an exporter does.
/// </summary>
internal sealed class ProductionLikeSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ProductionLikeSilo(ServiceProvider services)
    {
        _services = services;
        Host = services.GetRequiredService<SiloHost>();
        Metrics = new MetricsExporterStandIn(Host.Meter);
    }

    public SiloHost Host { get; }

    public IGrainFactory Grains => Host.GrainFactory;

    public MetricsExporterStandIn Metrics { get; }

    public static async Task<ProductionLikeSilo> StartAsync(string? sqlitePath = null, Action<SiloOptions>? options = null)
    {
        var services = new ServiceCollection();
        services.AddSilo(silo =>
        {
            silo.AddGrains(typeof(PingGrain).Assembly)
                .AddMemoryGrainStorage()
                .AddInProcessStreams()
                .AddIncomingGrainCallFilter(new PassThroughIncomingFilter())
                .AddOutgoingGrainCallFilter(new PassThroughOutgoingFilter());
            if (sqlitePath is not null)
            {
                silo.UseSqlite(o => o.Path = sqlitePath);
            }

            if (options is not null)
            {
                silo.Configure(options);
            }
        });
        var provider = services.BuildServiceProvider();
        var silo = new ProductionLikeSilo(provider);
        await silo.Host.StartAsync();
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        Metrics.Dispose();
        await Host.StopAsync();
        await _services.DisposeAsync();
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
