namespace Silo.Invocation;

/// <summary>
/// Base of generated grain references. A reference is an address, not a connection: it is cheap, can be kept, and
/// keeps working across deactivations.
/// </summary>
public abstract class GrainReference : IEquatable<GrainReference>
{
    protected GrainReference(IGrainCallInvoker invoker, GrainId grainId)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        Invoker = invoker;
        GrainId = grainId;
    }

    /// <summary>The grain this reference addresses.</summary>
    public GrainId GrainId { get; }

    /// <summary>Where calls go.</summary>
    protected IGrainCallInvoker Invoker { get; }

    /// <summary>The runtime's cache of the activation last used through this reference (checked before each use).</summary>
    internal object? CachedActivation { get; set; }

    /// <inheritdoc />
    public bool Equals(GrainReference? other) => other is not null && GrainId == other.GrainId;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GrainReference other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => GrainId.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => GrainId.ToString();
}
