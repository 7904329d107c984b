using System.Diagnostics.Metrics;
using System.Reflection;
using Silo.Catalog;

namespace Silo.Diagnostics;

/// <summary>
/// The runtime's System.Diagnostics.Metrics instruments (meter "Silo"): calls, errors and latency per grain type,
/// activations per type, activation churn, and requests waiting in activation queues.
/// </summary>
internal sealed class SiloMetrics : IDisposable
{
    public const string MeterName = "Silo";

    private static readonly KeyValuePair<string, object?> s_unknownType = new("grain.type", "(unknown)");

    private readonly TimeProvider _time;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _callErrors;
    private readonly Histogram<double> _callDuration;
    private readonly Counter<long> _activated;
    private readonly Counter<long> _deactivated;
    private long _queued;

    public SiloMetrics(TimeProvider time, Func<IEnumerable<GrainTypeInfo>> grainTypes)
    {
        _time = time;
        Meter = new Meter(MeterName, typeof(SiloMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
        _calls = Meter.CreateCounter<long>("silo.grain.calls", description: "Grain calls completed, successfully or not.");
        _callErrors = Meter.CreateCounter<long>("silo.grain.call.errors", description: "Grain calls that failed (exception, timeout, rejection).");
        _callDuration = Meter.CreateHistogram<double>("silo.grain.call.duration", unit: "s", description: "Time from sending a call to its result, queueing included.");
        _activated = Meter.CreateCounter<long>("silo.activations.created", description: "Activations that completed OnActivateAsync.");
        _deactivated = Meter.CreateCounter<long>("silo.activations.deactivated", description: "Activations that were deactivated.");
        Meter.CreateObservableUpDownCounter(
            "silo.activations",
            () => grainTypes().Select(t => new Measurement<long>(t.ActivationCount, t.MetricTag)),
            description: "Activations in this silo, per grain type.");
        Meter.CreateObservableGauge(
            "silo.activation.queue.length",
            () => Volatile.Read(ref _queued),
            description: "Requests waiting for their activation to admit them.");
    }

    public Meter Meter { get; }

    public void OnCallResolved(GrainTypeInfo? type, long startTimestamp, bool failed)
    {
        var tag = type?.MetricTag ?? s_unknownType;
        _calls.Add(1, tag);
        if (_callDuration.Enabled)
        {
            _callDuration.Record(_time.GetElapsedTime(startTimestamp).TotalSeconds, tag);
        }

        if (failed)
        {
            _callErrors.Add(1, tag);
        }
    }

    public void OnRequestQueued() => Interlocked.Increment(ref _queued);

    public void OnRequestDequeued() => Interlocked.Decrement(ref _queued);

    public void OnActivated() => _activated.Add(1);

    public void OnDeactivated() => _deactivated.Add(1);

    public void Dispose() => Meter.Dispose();
}
