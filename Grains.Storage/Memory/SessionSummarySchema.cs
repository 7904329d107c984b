using Microsoft.Data.Sqlite;
using Silo.Storage.Sqlite;

namespace LlmMultiChat.Grains.Storage.Memory;

/// <summary>
/// The mid-term tier's tables: one row per thread summary (keywords and character ids as JSON, the vector as
/// little-endian float32 bytes), and one row per user who keeps it, so a user can forget a summary the others keep.
/// </summary>
public sealed class SessionSummarySchema : ISqliteSchema
{
    public string ModuleName => "session-summaries";

    public int Version => 1;

    public void Upgrade(SqliteConnection connection, SqliteTransaction transaction, int fromVersion)
    {
        if (fromVersion < 1)
        {
            SqliteDatabase.Execute(connection, transaction, """
                CREATE TABLE session_summaries (
                    id              TEXT    NOT NULL PRIMARY KEY,
                    conversation_id TEXT    NOT NULL,
                    character_ids   TEXT    NOT NULL,
                    text            TEXT    NOT NULL,
                    keywords        TEXT    NOT NULL,
                    model           TEXT    NOT NULL,
                    vector          BLOB    NOT NULL,
                    first_idx       INTEGER NOT NULL,
                    last_idx        INTEGER NOT NULL,
                    turn_count      INTEGER NOT NULL,
                    created_at      INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX session_summaries_conversation ON session_summaries (conversation_id);
                CREATE INDEX session_summaries_created ON session_summaries (created_at);
                CREATE TABLE session_summary_users (
                    user_id    TEXT    NOT NULL,
                    summary_id TEXT    NOT NULL,
                    position   INTEGER NOT NULL,
                    PRIMARY KEY (user_id, summary_id)
                ) WITHOUT ROWID;
                CREATE INDEX session_summary_users_summary ON session_summary_users (summary_id);
                """);
        }
    }
}
