using System.Collections.Concurrent;

namespace Benchmarks.Baseline;

/// <summary>
/// The baseline the issue names: a hand-written proxy, a dictionary of activations and a lock per call. No turns,
/// no awaits back into the activation, no filters, metrics, timeouts or deadlock tracking.
/// </summary>
internal sealed class BareSilo
{
    private readonly ConcurrentDictionary<string, BareActivation> _activations = new(StringComparer.Ordinal);

    public BareProxy GetGrain(string key) => new(this, key);

    public BareActivation Activate(string key) => _activations.GetOrAdd(key, static _ => new BareActivation());

    internal sealed class BareActivation
    {
        public int Calls { get; set; }
    }

    internal sealed class BareProxy(BareSilo silo, string key)
    {
        public ValueTask<int> Ping(int value)
        {
            var activation = silo.Activate(key);
            lock (activation)
            {
                return new ValueTask<int>(value + ++activation.Calls);
            }
        }
    }
}
