using BenchmarkDotNet.Attributes;
using Benchmarks.Baseline;
using Benchmarks.Grains;

namespace Benchmarks.Micro;

/// <summary>
/// One caller, one activated grain: the cost of a call and what it allocates, for a production-like silo, a silo
/// without filters and metrics, and the bare proxy-plus-lock baseline.
/// </summary>
[MemoryDiagnoser]
public class CallBenchmarks
{
    private BenchmarkSilo _production = null!;
    private BenchmarkSilo _minimal = null!;
    private IPingGrain _productionGrain = null!;
    private IPingGrain _minimalGrain = null!;
    private BareSilo.BareProxy _bareGrain = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _production = await BenchmarkSilo.StartProductionLikeAsync();
        _minimal = await BenchmarkSilo.StartMinimalAsync();
        _productionGrain = _production.Grains.GetGrain<IPingGrain>("micro");
        _minimalGrain = _minimal.Grains.GetGrain<IPingGrain>("micro");
        _bareGrain = new BareSilo().GetGrain("micro");
        await _productionGrain.Ping(0);
        await _minimalGrain.Ping(0);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _production.DisposeAsync();
        await _minimal.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public ValueTask<int> Bare() => _bareGrain.Ping(1);

    [Benchmark]
    public ValueTask<int> SiloWithoutFiltersOrMetrics() => _minimalGrain.Ping(1);

    [Benchmark]
    public ValueTask<int> SiloProductionLike() => _productionGrain.Ping(1);

    [Benchmark]
    public Task<int> SiloProductionLikeTask() => _productionGrain.PingTask(1);
}
