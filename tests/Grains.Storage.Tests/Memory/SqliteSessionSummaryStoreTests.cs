using LlmMultiChat.Grains.Memory;
using LlmMultiChat.Grains.Storage.Memory;
using Silo.Storage.Sqlite;
using Silo.Testing;

namespace LlmMultiChat.Grains.Storage.Tests.Memory;

public sealed class SqliteSessionSummaryStoreTests : SessionSummaryStoreConformanceTests
{
    private TemporarySqliteDatabase? _sqlite;

    public override async Task DisposeAsync()
    {
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    [Fact]
    public async Task Vectors_are_stored_as_little_endian_float32_bytes()
    {
        await Store.AddAsync(new SessionSummary("s1", "c1", ["alice"], [], "t", [], "m", [1f, -2f], 0, 0, 1, DateTimeOffset.UnixEpoch), CancellationToken.None);

        using var connection = _sqlite!.Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT vector FROM session_summaries WHERE id = 's1';";

        Assert.Equal(new byte[] { 0, 0, 0x80, 0x3F, 0, 0, 0, 0xC0 }, (byte[])command.ExecuteScalar()!);
    }

    protected override async Task<ISessionSummaryStore> CreateAsync()
    {
        _sqlite = await TemporarySqliteDatabase.StartAsync(new SessionSummarySchema());
        return new SqliteSessionSummaryStore(_sqlite.Database);
    }
}
