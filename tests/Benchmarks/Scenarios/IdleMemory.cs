using Benchmarks.Baseline;
using Benchmarks.Grains;

namespace Benchmarks.Scenarios;

/// <summary>Managed memory held per idle activation, measured over a million of them.</summary>
internal static class IdleMemory
{
    // An EmptyGrain instance: object header and method table (16 bytes) plus its one field, the context (8).
    private const int GrainObjectBytes = 24;

    public static async Task RunAsync(int count)
    {
        double silo;
        await using (var host = await BenchmarkSilo.StartProductionLikeAsync())
        {
            var keys = Keys("grain-", count);
            var before = Settle();
            foreach (var key in keys)
            {
                await host.Grains.GetGrain<IEmptyGrain>(key).Touch();
            }

            silo = (Settle() - before) / (double)count;
            GC.KeepAlive(keys);
            if (host.Host.GetSnapshot().TotalActivations != count)
            {
                throw new InvalidOperationException("Not every grain stayed active.");
            }
        }

        var bare = new BareSilo();
        var bareKeys = Keys("grain-", count);
        var bareBefore = Settle();
        foreach (var key in bareKeys)
        {
            bare.Activate(key);
        }

        var baseline = (Settle() - bareBefore) / (double)count;
        GC.KeepAlive(bare);
        Report.Table(
            $"Memory per idle activation ({count:N0} activations; keys allocated before measuring)",
            ["", "bytes per activation", "of which the grain object", "runtime overhead", "1,000,000 idle grains"],
            [
                ["silo", Report.Fixed(silo, 0), GrainObjectBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), Report.Fixed(silo - GrainObjectBytes, 0), $"{Report.Fixed(silo * 1_000_000 / (1 << 20), 0)} MiB"],
                ["bare baseline", Report.Fixed(baseline, 0), "24", Report.Fixed(baseline - 24, 0), $"{Report.Fixed(baseline * 1_000_000 / (1 << 20), 0)} MiB"],
            ]);
    }

    private static string[] Keys(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => $"{prefix}{i:D7}")];

    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
