using Microsoft.Data.Sqlite;
using Silo.Storage.Sqlite;

namespace LlmMultiChat.Grains.Storage.Conversations;

/// <summary>The conversation log table: one row per message, keyed by conversation and index.</summary>
public sealed class ConversationLogSchema : ISqliteSchema
{
    public string ModuleName => "conversations";

    public int Version => 1;

    public void Upgrade(SqliteConnection connection, SqliteTransaction transaction, int fromVersion)
    {
        if (fromVersion < 1)
        {
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
}
