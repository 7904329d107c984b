using System.Diagnostics;

namespace Benchmarks;

/// <summary>Call latencies in 10 ns buckets up to 100 µs, then 10 µs buckets up to 100 ms (one per caller, merged at the end).</summary>
internal sealed class LatencyHistogram
{
    private const int FineBuckets = 10_000;
    private const int CoarseBuckets = 10_000;
    private static readonly double s_nanosecondsPerTick = 1e9 / Stopwatch.Frequency;

    private readonly long[] _counts = new long[FineBuckets + CoarseBuckets + 1];

    public long Count { get; private set; }

    public void Record(long elapsedTicks)
    {
        var ns = elapsedTicks * s_nanosecondsPerTick;
        var index = ns < FineBuckets * 10 ? (int)(ns / 10) : Math.Min(FineBuckets + (int)((ns - (FineBuckets * 10)) / 10_000), FineBuckets + CoarseBuckets);
        _counts[index]++;
        Count++;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
    }

    /// <summary>The latency at a percentile (0..100), in microseconds (bucket upper bound).</summary>
    public double PercentileMicroseconds(double percentile)
    {
        var target = (long)Math.Ceiling(Count * percentile / 100);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= target)
            {
                return i < FineBuckets ? (i + 1) * 0.01 : 100 + ((i - FineBuckets + 1) * 10.0);
            }
        }

        return double.PositiveInfinity;
    }
}
