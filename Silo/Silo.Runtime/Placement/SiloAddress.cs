namespace Silo.Placement;

/// <summary>Where a silo can be reached, and which incarnation of it (a restarted silo is a new generation).</summary>
public readonly record struct SiloAddress(string Endpoint, long Generation)
{
    /// <inheritdoc />
    public override string ToString() => $"{Endpoint}@{Generation}";
}
