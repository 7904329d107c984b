namespace Silo.Placement;

/// <summary>
/// Maps grain ids to the silo hosting their single activation. In single-silo mode the activation catalog is the
/// directory and this seam returns the local address; cluster mode registers in PostgreSQL with a lease.
/// </summary>
public interface IGrainDirectory
{
    /// <summary>Registers an activation; returns the address that holds the grain (another silo's when it won).</summary>
    ValueTask<GrainAddress> RegisterAsync(GrainAddress address, CancellationToken cancellationToken);

    /// <summary>Removes the registration if it is still this address.</summary>
    ValueTask UnregisterAsync(GrainAddress address, CancellationToken cancellationToken);
}
