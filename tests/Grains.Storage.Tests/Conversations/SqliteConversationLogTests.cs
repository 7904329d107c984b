using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Storage.Conversations;
using Silo.Storage.Sqlite;
using Silo.Testing;

namespace LlmMultiChat.Grains.Storage.Tests.Conversations;

public sealed class SqliteConversationLogTests : ConversationLogConformanceTests, IDisposable
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

    protected override async Task<IConversationLog> CreateAsync()
    {
        _database = new SqliteDatabase(new SqliteStorageOptions { Path = _file.Path }, [new ConversationLogSchema()]);
        await _database.OnStartAsync(CancellationToken.None);
        return new SqliteConversationLog(_database);
    }
}
