using Silo.Storage;
using Silo.Storage.Sqlite;
using Silo.Testing;

namespace Silo.Runtime.Tests.Storage;

/// <summary>A started <see cref="SqliteDatabase"/> on a temporary file, with grain storage on it; disposing stops it and deletes the file.</summary>
internal sealed class SqliteTestDatabase : IAsyncDisposable
{
    private SqliteTestDatabase(TemporaryDatabaseFile file, SqliteDatabase database)
    {
        File = file;
        Database = database;
        Storage = new SqliteGrainStorage(database, GrainStateSerializer.Default, new ManualTimeProvider());
    }

    public TemporaryDatabaseFile File { get; }

    public SqliteDatabase Database { get; }

    public SqliteGrainStorage Storage { get; }

    public static async Task<SqliteTestDatabase> StartAsync(Action<SqliteStorageOptions>? configure = null)
    {
        var file = new TemporaryDatabaseFile();
        var options = new SqliteStorageOptions { Path = file.Path };
        configure?.Invoke(options);
        var started = new SqliteTestDatabase(file, new SqliteDatabase(options));
        try
        {
            await started.Database.OnStartAsync(CancellationToken.None);
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Database.OnStopAsync(CancellationToken.None);
        }
        finally
        {
            File.Dispose();
        }
    }
}
