using Microsoft.Data.Sqlite;

namespace Silo.Testing;

/// <summary>
/// A SQLite file path in a directory of its own under the temp folder, so tests never share a database. The file
/// is created by whoever opens it. Disposing clears SQLite's connection pools (pooled connections keep the file
/// and its -wal/-shm open) and deletes the directory.
/// </summary>
public sealed class TemporaryDatabaseFile : IDisposable
{
    public TemporaryDatabaseFile()
    {
        DirectoryPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "llmmultichat-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DirectoryPath);
        Path = System.IO.Path.Combine(DirectoryPath, "test.db");
    }

    public string DirectoryPath { get; }

    public string Path { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DirectoryPath))
        {
            Directory.Delete(DirectoryPath, recursive: true);
        }
    }
}
