using Microsoft.Data.Sqlite;
using Silo.Storage.Sqlite;
using Silo.Testing;

namespace Silo.Runtime.Tests.Storage;

/// <summary>Modules (grain-owned tables) create and upgrade their tables in the silo's database, each at its own version.</summary>
public sealed class SqliteSchemaTests
{
    [Fact]
    public async Task A_module_is_created_once_upgraded_when_its_version_grows_and_a_newer_database_is_refused()
    {
        using var file = new TemporaryDatabaseFile();
        var v1 = new NotesSchema(version: 1);
        await StartAndStopAsync(file.Path, v1);
        await StartAndStopAsync(file.Path, v1);
        var v2 = new NotesSchema(version: 2);
        await StartAndStopAsync(file.Path, v2);

        Assert.Equal([0], v1.UpgradedFrom);
        Assert.Equal([1], v2.UpgradedFrom);
        Assert.Equal(["id", "text", "pinned"], Columns(file.Path, "notes"));

        var error = await Assert.ThrowsAsync<GrainStorageException>(() => StartAndStopAsync(file.Path, new NotesSchema(version: 1)));
        Assert.Contains("module 'notes' at schema version 2, newer than this build understands (1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_schemas_cannot_claim_the_same_module()
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteDatabase(new SqliteStorageOptions { Path = "unused.db" }, [new NotesSchema(1), new NotesSchema(1)]));

        Assert.Contains("'notes'", error.Message, StringComparison.Ordinal);
    }

    private static async Task StartAndStopAsync(string path, ISqliteSchema schema)
    {
        var database = new SqliteDatabase(new SqliteStorageOptions { Path = path }, [schema]);
        try
        {
            await database.OnStartAsync(CancellationToken.None);
        }
        finally
        {
            await database.OnStopAsync(CancellationToken.None);
        }
    }

    private static List<string> Columns(string path, string table)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}');";
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private sealed class NotesSchema(int version) : ISqliteSchema
    {
        public List<int> UpgradedFrom { get; } = [];

        public string ModuleName => "notes";

        public int Version => version;

        public void Upgrade(SqliteConnection connection, SqliteTransaction transaction, int fromVersion)
        {
            UpgradedFrom.Add(fromVersion);
            if (fromVersion < 1)
            {
                SqliteDatabase.Execute(connection, transaction, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);");
            }

            if (fromVersion < 2 && version >= 2)
            {
                SqliteDatabase.Execute(connection, transaction, "ALTER TABLE notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;");
            }
        }
    }
}
