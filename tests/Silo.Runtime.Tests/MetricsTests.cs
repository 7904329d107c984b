using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Silo.Runtime.Tests.Grains;
using Silo.Runtime.Tests.Support;
using Silo.Testing;

namespace Silo.Runtime.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task Calls_errors_latency_activations_and_queue_length_are_measured_per_grain_type()
    {
        await using var silo = await Silos.StartAsync();
        using var metrics = new SiloMeasurements(silo.Host.Meter);
        var grain = silo.GetGrain<IProbeGrain>("measured");

        for (var i = 0; i < 10; i++)
        {
            await grain.Ping();
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Fail("counted"));
        var holder = grain.WaitAtGate("queue");
        await silo.Events().WaitFor("entered:queue").WaitOrFail("the holding call");
        var queued = grain.Ping();

        Assert.Equal(11, metrics.Sum("silo.grain.calls", "probe"));
        Assert.Equal(1, metrics.Sum("silo.grain.call.errors", "probe"));
        Assert.Equal(11, metrics.Count("silo.grain.call.duration", "probe"));
        Assert.Equal(1, metrics.Observe("silo.activations", "probe"));
        Assert.Equal(1, metrics.Observe("silo.activation.queue.length", null));

        silo.Gates().Open("queue");
        await Task.WhenAll(holder, queued).WaitOrFail("the held and queued calls");
        Assert.Equal(0, metrics.Observe("silo.activation.queue.length", null));
        Assert.Equal(13, metrics.Sum("silo.grain.calls", "probe"));
    }

    /// <summary>Listens to one silo's meter only, as an exporter would.</summary>
    private sealed class SiloMeasurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, string? GrainType, double Value)> _measurements = new();

        public SiloMeasurements(Meter meter)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter == meter)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.Start();
        }

        public double Sum(string instrument, string? grainType) =>
            _measurements.Where(m => m.Instrument == instrument && m.GrainType == grainType).Sum(m => m.Value);

        public int Count(string instrument, string? grainType) =>
            _measurements.Count(m => m.Instrument == instrument && m.GrainType == grainType);

        /// <summary>The current value of an observable instrument (collected now; earlier observations ignored).</summary>
        public double Observe(string instrument, string? grainType)
        {
            var before = _measurements.Count;
            _listener.RecordObservableInstruments();
            return _measurements.Skip(before).Where(m => m.Instrument == instrument && m.GrainType == grainType).Sum(m => m.Value);
        }

        public void Dispose() => _listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? grainType = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "grain.type")
                {
                    grainType = tag.Value as string;
                }
            }

            _measurements.Enqueue((instrument.Name, grainType, value));
        }
    }
}
