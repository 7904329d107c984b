using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Benchmarks;

/// <summary>
/// Listens to every instrument of a meter and aggregates as an exporter would: a sum per counter and tag set,
/// bucket counts per histogram and tag set. Its cost is part of what the benchmarks measure.
/// </summary>
internal sealed class MetricsExporterStandIn : IDisposable
{
    private static readonly double[] s_bounds = [0.000_001, 0.000_005, 0.000_01, 0.000_05, 0.000_1, 0.000_5, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string, object?), long[]> _series = new();

    public MetricsExporterStandIn(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Interlocked.Add(ref Series(instrument, tags)[0], value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var series = Series(instrument, tags);
            var bucket = Array.BinarySearch(s_bounds, value);
            Interlocked.Increment(ref series[bucket < 0 ? ~bucket : bucket]);
        });
        _listener.Start();
    }

    public long Total(string instrument) => _series.Where(s => s.Key.Item1 == instrument).Sum(s => s.Value.Sum());

    public void Dispose() => _listener.Dispose();

    private long[] Series(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _series.GetOrAdd((instrument.Name, tags.Length > 0 ? tags[0].Value : null), static _ => new long[s_bounds.Length + 1]);
}
