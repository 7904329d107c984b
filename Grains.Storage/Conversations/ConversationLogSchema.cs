using Microsoft.Data.Sqlite;
using Silo.Storage.Sqlite;

namespace LlmMultiChat.Grains.Storage.Conversations;

/// <summary>
/// The conversation log's tables: one row per message, keyed by conversation and index (its UNIQUE id is indexed
/// too, for lookups by message id); from version 2 one row per rating, keyed by message and user; from version 3
/// indexes by human speaker and by rater, so a user's messages and ratings are found for export and erasure.
/// </summary>
public sealed class ConversationLogSchema : ISqliteSchema
{
    public string ModuleName => "conversations";

    public int Version => 3;

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

        if (fromVersion < 2)
        {
            SqliteDatabase.Execute(connection, transaction, """
                CREATE TABLE message_feedback (
                    message_id      TEXT    NOT NULL,
                    user_id         TEXT    NOT NULL,
                    conversation_id TEXT    NOT NULL,
                    character_id    TEXT    NOT NULL,
                    rating          TEXT    NOT NULL,
                    rated_at        INTEGER NOT NULL,
                    PRIMARY KEY (message_id, user_id)
                ) WITHOUT ROWID;
                CREATE INDEX message_feedback_conversation ON message_feedback (conversation_id);
                """);
        }

        if (fromVersion < 3)
        {
            SqliteDatabase.Execute(connection, transaction, """
                CREATE INDEX conversation_messages_human ON conversation_messages (speaker_id) WHERE speaker_kind = 'Human';
                CREATE INDEX message_feedback_user ON message_feedback (user_id);
                """);
        }
    }
}
