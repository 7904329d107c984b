using Microsoft.Data.Sqlite;

namespace LlmMultiChat.ApiHost.Tests.Infrastructure;

/// <summary>A unique directory for one test's SQLite file; deleted with its -wal and -shm files afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "llmmultichat-apihost-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, "test.db");
    }

    public string Folder { get; }

    /// <summary>The database file (created by the host on start, not here).</summary>
    public string Path { get; }

    /// <summary>Settings for a host on this database, plus any extra ones.</summary>
    public Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:Sqlite:Path"] = Path,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public void Dispose()
    {
        // Pooled connections keep the file (and its -wal/-shm) open.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
