namespace Silo.Placement;

/// <summary>The directory of a one-silo deployment: every grain lives here and the catalog guarantees one activation.</summary>
internal sealed class SingleSiloDirectory : IGrainDirectory
{
    public ValueTask<GrainAddress> RegisterAsync(GrainAddress address, CancellationToken cancellationToken) => new(address);

    public ValueTask UnregisterAsync(GrainAddress address, CancellationToken cancellationToken) => default;
}
