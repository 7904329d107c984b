using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Storage.Conversations;
using Microsoft.Data.Sqlite;
using Silo.Storage.Sqlite;
using Silo.Testing;

namespace LlmMultiChat.Grains.Storage.Tests.Conversations;

public sealed class SqliteConversationLogTests : ConversationLogConformanceTests
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
    public void Finding_a_message_by_id_searches_an_index_not_the_table()
    {
        using var connection = _sqlite!.Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN SELECT * FROM conversation_messages WHERE id = 'x';";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        var plan = reader.GetString(3);

        Assert.StartsWith("SEARCH conversation_messages USING INDEX", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_1_database_is_upgraded_and_keeps_its_messages()
    {
        using var file = new TemporaryDatabaseFile();
        var message = new ChatMessage("m1", "c1", 0, SpeakerKind.Character, "lumina", "ルミナ", "こんにちは", MessageStatus.Complete, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        await using (var v1 = new SqliteDatabase(new SqliteStorageOptions { Path = file.Path }, [new ShippedVersion1Schema()]))
        {
            await v1.OnStartAsync(CancellationToken.None);
            await new SqliteConversationLog(v1).AppendAsync(message, CancellationToken.None);
        }

        await using var v2 = new SqliteDatabase(new SqliteStorageOptions { Path = file.Path }, [new ConversationLogSchema()]);
        await v2.OnStartAsync(CancellationToken.None);
        var log = new SqliteConversationLog(v2);
        var rating = new MessageFeedback("m1", "c1", "lumina", "alice", FeedbackRating.Up, DateTimeOffset.UnixEpoch);
        await log.RateAsync(rating, CancellationToken.None);

        Assert.Equal(message, await log.FindAsync("m1", CancellationToken.None));
        Assert.Equal([rating], await log.FeedbackAsync("m1", CancellationToken.None));
    }

    protected override async Task<IConversationLog> CreateAsync()
    {
        _sqlite = await TemporarySqliteDatabase.StartAsync(new ConversationLogSchema());
        return new SqliteConversationLog(_sqlite.Database);
    }

    /// <summary>The conversations module as version 1 shipped it (frozen here: migrations must keep such databases working).</summary>
    private sealed class ShippedVersion1Schema : ISqliteSchema
    {
        public string ModuleName => "conversations";

        public int Version => 1;

        public void Upgrade(SqliteConnection connection, SqliteTransaction transaction, int fromVersion) =>
            SqliteDatabase.Execute(connection, transaction, """
                CREATE TABLE conversation_messages (
                    conversation_id TEXT    NOT NULL,
                    idx             INTEGER NOT NULL,
                    id              TEXT    NOT NULL UNIQUE,
                    speaker_kind    TEXT    NOT NULL,
                    speaker_id      TEXT    NOT NULL,
                    speaker_name    TEXT    NOT NULL,
                    content         TEXT    NOT NULL,
                    status          TEXT    NOT NULL,
                    created_at      INTEGER NOT NULL,
                    completed_at    INTEGER,
                    error           TEXT,
                    usage           TEXT,
                    PRIMARY KEY (conversation_id, idx)
                ) WITHOUT ROWID;
                CREATE INDEX conversation_messages_streaming ON conversation_messages (conversation_id) WHERE status = 'Streaming';
                """);
    }
}
