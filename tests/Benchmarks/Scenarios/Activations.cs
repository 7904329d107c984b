using System.Diagnostics;
using Benchmarks.Baseline;
using Benchmarks.Grains;

namespace Benchmarks.Scenarios;

/// <summary>New activations per second: each call goes to a grain never called before (memory storage).</summary>
internal static class Activations
{
    public static async Task RunAsync(int count)
    {
        var rows = new List<string[]>();
        foreach (var callers in new[] { 1, 2 })
        {
            await using (var warmup = await BenchmarkSilo.StartProductionLikeAsync())
            {
                await ActivateAsync(callers, 20_000, i => warmup.Grains.GetGrain<IStatefulGrain>($"w{i}").Read());
            }

            double stateful, empty;
            await using (var silo = await BenchmarkSilo.StartProductionLikeAsync())
            {
                stateful = await ActivateAsync(callers, count, i => silo.Grains.GetGrain<IStatefulGrain>($"s{i}").Read());
            }

            await using (var silo = await BenchmarkSilo.StartProductionLikeAsync())
            {
                empty = await ActivateAsync(callers, count, async i =>
                {
                    await silo.Grains.GetGrain<IEmptyGrain>($"e{i}").Touch();
                    return 0;
                });
            }

            var bare = new BareSilo();
            var baseline = await ActivateAsync(callers, count, i => bare.GetGrain($"b{i}").Ping(i));
            rows.Add([
                callers.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Report.Number(stateful),
                Report.Number(empty),
                Report.Number(baseline),
                Report.Fixed(stateful / baseline, 3),
            ]);
        }

        Report.Table(
            $"Activations per second ({count:N0} new grains per run)",
            ["callers", "silo, grain with a [PersistentState] (memory storage)", "silo, grain without state", "bare: new object in a dictionary", "silo (stateful) / bare"],
            rows);
    }

    private static async Task<double> ActivateAsync(int callers, int count, Func<int, ValueTask<int>> call)
    {
        GC.Collect();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await call(i);
            }
        })));
        return count / clock.Elapsed.TotalSeconds;
    }
}
