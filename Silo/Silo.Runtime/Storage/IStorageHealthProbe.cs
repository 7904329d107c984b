namespace Silo.Storage;

/// <summary>A storage that can say whether it can currently take writes (used by readiness checks).</summary>
public interface IStorageHealthProbe
{
    string Name { get; }

    Task<StorageHealth> CheckAsync(CancellationToken cancellationToken);
}
