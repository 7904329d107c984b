namespace Silo.Hosting;

/// <summary>Every number that shapes the runtime's behaviour, with its default. Bound from the "Silo" configuration section.</summary>
public sealed class SiloOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Silo";

    /// <summary>Name of this silo, shown in the cluster view. Default: the machine name.</summary>
    public string SiloName { get; set; } = Environment.MachineName;

    /// <summary>How long a caller waits for a (non-streaming) call before it fails with <see cref="GrainCallTimeoutException"/>.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Idle age after which an activation is deactivated, unless its type says otherwise.</summary>
    public TimeSpan DefaultCollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Idle age per grain type name; overrides the type's attribute and the default.</summary>
    public Dictionary<string, TimeSpan> CollectionAgeByGrainType { get; } = new(StringComparer.Ordinal);

    /// <summary>How often idle activations are looked for (the granularity of the idle age).</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Most activations this silo keeps; beyond it the least recently used idle ones are deactivated. Busy ones are
    /// never evicted, so the count can exceed this while everything is busy. 0 means no limit.
    /// </summary>
    public int MaxActivations { get; set; } = 1_000_000;

    /// <summary>How long <c>OnDeactivateAsync</c> (and cancelled background work) may take before the runtime moves on.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long shutdown lets in-flight calls finish before it cancels them.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Fail call cycles on non-reentrant grains at once instead of letting them hang until the timeout.</summary>
    public bool DeadlockDetection { get; set; } = true;

    /// <summary>Items a stream subscriber may fall behind before it is unsubscribed.</summary>
    public int StreamSubscriberQueueLimit { get; set; } = 10_000;

    /// <summary>How many items a streaming call's producer may run ahead of its consumer.</summary>
    public int StreamingCallBufferSize { get; set; } = 64;

    /// <summary>Validates the options; throws with a message naming the bad one.</summary>
    public void Validate()
    {
        Require(CallTimeout > TimeSpan.Zero, nameof(CallTimeout), "must be positive");
        Require(DefaultCollectionAge > TimeSpan.Zero, nameof(DefaultCollectionAge), "must be positive");
        Require(CollectionQuantum > TimeSpan.Zero, nameof(CollectionQuantum), "must be positive");
        Require(MaxActivations >= 0, nameof(MaxActivations), "must be 0 (no limit) or positive");
        Require(DeactivationTimeout > TimeSpan.Zero, nameof(DeactivationTimeout), "must be positive");
        Require(ShutdownGracePeriod >= TimeSpan.Zero, nameof(ShutdownGracePeriod), "must not be negative");
        Require(StreamSubscriberQueueLimit > 0, nameof(StreamSubscriberQueueLimit), "must be positive");
        Require(StreamingCallBufferSize > 0, nameof(StreamingCallBufferSize), "must be positive");
        foreach (var (type, age) in CollectionAgeByGrainType)
        {
            Require(age > TimeSpan.Zero, $"{nameof(CollectionAgeByGrainType)}:{type}", "must be positive");
        }
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Silo option {name} {rule}.");
        }
    }
}
