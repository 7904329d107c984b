using Silo.Storage.Sqlite;
using Silo.Testing;

namespace LlmMultiChat.Grains.Storage.Tests;

/// <summary>A started SQLite database with the given schema modules in a temporary file; disposing it stops it and deletes the file.</summary>
internal sealed class TemporarySqliteDatabase : IAsyncDisposable
{
    private readonly TemporaryDatabaseFile _file;

    private TemporarySqliteDatabase(TemporaryDatabaseFile file, SqliteDatabase database)
    {
        _file = file;
        Database = database;
    }

    public SqliteDatabase Database { get; }

    public static async Task<TemporarySqliteDatabase> StartAsync(params ISqliteSchema[] schemas)
    {
        var file = new TemporaryDatabaseFile();
        var database = new SqliteDatabase(new SqliteStorageOptions { Path = file.Path }, schemas);
        await database.OnStartAsync(CancellationToken.None);
        return new TemporarySqliteDatabase(file, database);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        _file.Dispose();
    }
}
