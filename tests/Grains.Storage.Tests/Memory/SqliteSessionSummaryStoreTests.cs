using LlmMultiChat.Grains.Memory;
using LlmMultiChat.Grains.Storage.Memory;
using Silo.Storage.Sqlite;
using Silo.Testing;

namespace LlmMultiChat.Grains.Storage.Tests.Memory;

public sealed class SqliteSessionSummaryStoreTests : SessionSummaryStoreConformanceTests, IDisposable
{
    private readonly TemporaryDatabaseFile _file = new();
    private SqliteDatabase? _database;

    public override async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Vectors_are_stored_as_little_endian_float32_bytes()
    {
        await Store.AddAsync(new SessionSummary("s1", "c1", ["alice"], [], "t", [], "m", [1f, -2f], 0, 0, 1, DateTimeOffset.UnixEpoch), CancellationToken.None);

        using var connection = _database!.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT vector FROM session_summaries WHERE id = 's1';";

        Assert.Equal(new byte[] { 0, 0, 0x80, 0x3F, 0, 0, 0, 0xC0 }, (byte[])command.ExecuteScalar()!);
    }

    protected override async Task<ISessionSummaryStore> CreateAsync()
    {
        _database = new SqliteDatabase(new SqliteStorageOptions { Path = _file.Path }, [new SessionSummarySchema()]);
        await _database.OnStartAsync(CancellationToken.None);
        return new SqliteSessionSummaryStore(_database);
    }
}
