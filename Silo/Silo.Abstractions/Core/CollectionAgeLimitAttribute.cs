namespace Silo;

/// <summary>How long an activation of this grain class may stay idle before it is deactivated.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class CollectionAgeLimitAttribute : Attribute
{
    /// <summary>The idle age in minutes.</summary>
    public double Minutes { get; init; }

    /// <summary>Never deactivate for idleness (eviction by the activation limit and shutdown still apply).</summary>
    public bool AlwaysActive { get; init; }
}
