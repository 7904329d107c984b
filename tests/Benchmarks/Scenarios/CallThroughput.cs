using Benchmarks.Baseline;
using Benchmarks.Grains;

namespace Benchmarks.Scenarios;

/// <summary>Local grain calls over 10,000 activated grains, 1 and 64 callers, against the bare proxy-plus-lock baseline.</summary>
internal static class CallThroughput
{
    private const int Grains = 10_000;

    public static async Task RunAsync(TimeSpan duration)
    {
        await using var silo = await BenchmarkSilo.StartProductionLikeAsync();
        var grains = Enumerable.Range(0, Grains).Select(i => silo.Grains.GetGrain<IPingGrain>($"ping-{i}")).ToArray();
        foreach (var grain in grains)
        {
            await grain.Ping(0);
        }

        var bare = new BareSilo();
        var bareGrains = Enumerable.Range(0, Grains).Select(i => bare.GetGrain($"ping-{i}")).ToArray();
        foreach (var grain in bareGrains)
        {
            await grain.Ping(0);
        }

        var rows = new List<string[]>();
        foreach (var callers in new[] { 1, 64 })
        {
            // Warm up both, then measure throughput (untimed calls) and latency (each call timed) separately.
            await CallLoad.RunAsync(callers, Grains, TimeSpan.FromSeconds(1), (i, n) => grains[i].Ping(n), timeEachCall: false);
            await CallLoad.RunAsync(callers, Grains, TimeSpan.FromSeconds(1), (i, n) => bareGrains[i].Ping(n), timeEachCall: false);
            var siloThroughput = await CallLoad.RunAsync(callers, Grains, duration, (i, n) => grains[i].Ping(n), timeEachCall: false);
            var bareThroughput = await CallLoad.RunAsync(callers, Grains, duration, (i, n) => bareGrains[i].Ping(n), timeEachCall: false);
            var taskThroughput = await CallLoad.RunAsync(callers, Grains, duration, (i, n) => new ValueTask<int>(grains[i].PingTask(n)), timeEachCall: false);
            var siloLatency = await CallLoad.RunAsync(callers, Grains, duration, (i, n) => grains[i].Ping(n), timeEachCall: true);
            var bareLatency = await CallLoad.RunAsync(callers, Grains, duration, (i, n) => bareGrains[i].Ping(n), timeEachCall: true);
            rows.Add([
                callers.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Report.Number(siloThroughput.CallsPerSecond),
                Report.Number(taskThroughput.CallsPerSecond),
                Report.Number(bareThroughput.CallsPerSecond),
                Report.Fixed(siloThroughput.CallsPerSecond / bareThroughput.CallsPerSecond),
                $"{Report.Fixed(siloLatency.P50Microseconds)} / {Report.Fixed(siloLatency.P99Microseconds)}",
                $"{Report.Fixed(bareLatency.P50Microseconds)} / {Report.Fixed(bareLatency.P99Microseconds)}",
                Report.Number(siloThroughput.Gen0Collections / duration.TotalSeconds),
            ]);
        }

        Report.Table(
            $"Local grain calls, {Grains:N0} grains, {duration.TotalSeconds:0} s per run (production-like silo vs bare proxy-plus-lock)",
            ["callers", "silo calls/s (ValueTask)", "silo calls/s (Task)", "bare calls/s", "silo / bare", "silo p50 / p99 µs", "bare p50 / p99 µs", "silo gen0 GCs/s"],
            rows);
        Console.WriteLine($"Metrics recorded during the run: {Report.Number(silo.Metrics!.Total("silo.grain.calls"))} calls counted by the exporter stand-in.");
        Console.WriteLine();
    }
}
