using System.Diagnostics;

namespace Benchmarks.Scenarios;

/// <summary>Runs callers against a set of grains for a fixed time, counting calls and (optionally) timing each one.</summary>
internal static class CallLoad
{
    public sealed record Result(double CallsPerSecond, double P50Microseconds, double P99Microseconds, int Gen0Collections);

    public static async Task<Result> RunAsync(int callers, int grains, TimeSpan duration, Func<int, int, ValueTask<int>> call, bool timeEachCall)
    {
        var stop = 0;
        var counts = new long[callers];
        var histograms = new LatencyHistogram[callers];
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            await start.Task;
            var histogram = histograms[caller] = new LatencyHistogram();
            var grain = caller * 7919 % grains;
            long calls = 0;
            while (Volatile.Read(ref stop) == 0)
            {
                for (var k = 0; k < 256; k++)
                {
                    grain = grain + 1 == grains ? 0 : grain + 1;
                    if (timeEachCall)
                    {
                        var begin = Stopwatch.GetTimestamp();
                        await call(grain, k);
                        histogram.Record(Stopwatch.GetTimestamp() - begin);
                    }
                    else
                    {
                        await call(grain, k);
                    }
                }

                calls += 256;
                if (callers > 1 && (calls & 4095) == 0)
                {
                    // Calls that complete synchronously never yield; this lets all callers take turns on the threads.
                    await Task.Yield();
                }
            }

            counts[caller] = calls;
        })).ToArray();

        var gen0 = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        start.SetResult();
        await Task.Delay(duration);
        Volatile.Write(ref stop, 1);
        await Task.WhenAll(tasks);
        clock.Stop();
        var merged = new LatencyHistogram();
        foreach (var histogram in histograms)
        {
            merged.Add(histogram);
        }

        return new Result(
            counts.Sum() / clock.Elapsed.TotalSeconds,
            timeEachCall ? merged.PercentileMicroseconds(50) : double.NaN,
            timeEachCall ? merged.PercentileMicroseconds(99) : double.NaN,
            GC.CollectionCount(0) - gen0);
    }
}
