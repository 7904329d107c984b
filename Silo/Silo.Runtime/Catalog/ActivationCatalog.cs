using System.Collections.Concurrent;

using Silo.Hosting;

namespace Silo.Catalog;

/// <summary>The activations of this silo: at most one per grain id, created on first call.</summary>
internal sealed class ActivationCatalog(SiloRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public IEnumerable<ActivationData> All => _activations.Values;

    /// <summary>Raised when a new activation takes the count over the limit.</summary>
    public event Action? LimitExceeded;

    public ActivationData GetOrCreate(GrainId grainId)
    {
        if (_activations.TryGetValue(grainId, out var existing))
        {
            return existing;
        }

        if (runtime.IsStopping)
        {
            throw new SiloUnavailableException($"The silo is stopping and activates no new grains (asked for {grainId}).");
        }

        var type = runtime.Registry.ForName(grainId.Type)
            ?? throw new InvalidOperationException($"No grain class is registered for grain type '{grainId.Type}'.");
        var placed = runtime.Placement.PlaceGrain(grainId);
        if (placed != runtime.LocalSilo)
        {
            throw new NotSupportedException($"Grain {grainId} is placed on silo {placed}; calls between silos arrive with cluster mode.");
        }

        var created = new ActivationData(runtime, grainId, type);
        var actual = _activations.GetOrAdd(grainId, created);
        if (ReferenceEquals(actual, created))
        {
            type.OnActivationCreated();
            var count = Interlocked.Increment(ref _count);
            var limit = runtime.Options.MaxActivations;
            if (limit > 0 && count > limit)
            {
                LimitExceeded?.Invoke();
            }
        }

        return actual;
    }

    public bool TryGet(GrainId grainId, out ActivationData activation) => _activations.TryGetValue(grainId, out activation!);

    public void Remove(ActivationData activation)
    {
        if (_activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation)))
        {
            Interlocked.Decrement(ref _count);
            activation.Type.OnActivationRemoved();
        }
    }
}
