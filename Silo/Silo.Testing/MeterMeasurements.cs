using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Silo.Testing;

/// <summary>
/// Listens to one meter only, as an exporter would, and answers questions about what it recorded. Tags filter:
/// a measurement matches when it carries every given tag with the given value (others are ignored).
/// </summary>
public sealed class MeterMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MeterMeasurements(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The sum of an instrument's matching measurements.</summary>
    public double Sum(string instrument, params (string Key, object? Value)[] tags) =>
        Matching(_measurements, instrument, tags).Sum(m => m.Value);

    /// <summary>How many matching measurements an instrument recorded.</summary>
    public int Count(string instrument, params (string Key, object? Value)[] tags) =>
        Matching(_measurements, instrument, tags).Count();

    /// <summary>The current value of an observable instrument: collected now, earlier observations ignored.</summary>
    public double Observe(string instrument, params (string Key, object? Value)[] tags)
    {
        var before = _measurements.Count;
        _listener.RecordObservableInstruments();
        return Matching(_measurements.Skip(before), instrument, tags).Sum(m => m.Value);
    }

    public void Dispose() => _listener.Dispose();

    private static IEnumerable<Measurement> Matching(IEnumerable<Measurement> measurements, string instrument, (string Key, object? Value)[] tags) =>
        measurements.Where(m => m.Instrument == instrument
            && tags.All(t => m.Tags.TryGetValue(t.Key, out var value) && Equals(value, t.Value)));

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(tags.Length, StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue(new Measurement(instrument.Name, value, copy));
    }

    private sealed record Measurement(string Instrument, double Value, Dictionary<string, object?> Tags);
}
