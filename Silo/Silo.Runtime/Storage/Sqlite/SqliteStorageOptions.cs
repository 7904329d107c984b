namespace Silo.Storage.Sqlite;

/// <summary>The embedded SQLite store (configuration section "Storage:Sqlite").</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The database file; its directory is created if missing.</summary>
    public string Path { get; set; } = "./data/llmmultichat.db";

    /// <summary>
    /// SQLite's synchronous mode. FULL (default) makes every acknowledged write survive a power cut; group commit
    /// keeps that affordable. NORMAL survives a process crash but may lose the last commits on power loss.
    /// </summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Full;

    /// <summary>How long a statement waits for a lock held by another connection before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most writes committed in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 512;
}
