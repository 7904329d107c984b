namespace Silo.Runtime.Tests.Storage;

/// <summary>
/// A SQLite file path in a directory of its own under the temp folder, so tests never share a database. Disposing
/// deletes the file, its -wal, -shm and -journal companions, and the directory.
/// </summary>
internal sealed class TemporaryDatabaseFile : IDisposable
{
    private static readonly string[] s_companionSuffixes = ["", "-wal", "-shm", "-journal"];

    public TemporaryDatabaseFile()
    {
        DirectoryPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "silo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DirectoryPath);
        Path = System.IO.Path.Combine(DirectoryPath, "silo.db");
    }

    public string DirectoryPath { get; }

    public string Path { get; }

    public void Dispose()
    {
        foreach (var suffix in s_companionSuffixes)
        {
            File.Delete(Path + suffix);
        }

        Directory.Delete(DirectoryPath, recursive: true);
    }
}
