namespace Silo.Storage;

/// <summary>The outcome of a storage health probe.</summary>
public sealed record StorageHealth(bool IsHealthy, string Description)
{
    public static StorageHealth Healthy(string description) => new(true, description);

    public static StorageHealth Unhealthy(string description) => new(false, description);
}
