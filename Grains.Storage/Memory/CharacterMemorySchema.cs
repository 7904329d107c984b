using Microsoft.Data.Sqlite;
using Silo.Storage.Sqlite;

namespace LlmMultiChat.Grains.Storage.Memory;

/// <summary>
/// The long-term tier's tables: one row per memory and per lesson a character keeps of a user, keyed by
/// character, user and id (loading one user's rows reads one key range); indexed by user, to find who keeps what of them.
/// </summary>
public sealed class CharacterMemorySchema : ISqliteSchema
{
    public string ModuleName => "character_memories";

    public int Version => 1;

    public void Upgrade(SqliteConnection connection, SqliteTransaction transaction, int fromVersion)
    {
        if (fromVersion < 1)
        {
            SqliteDatabase.Execute(connection, transaction, """
                CREATE TABLE character_memories (
                    character_id      TEXT    NOT NULL,
                    id                TEXT    NOT NULL,
                    user_id           TEXT    NOT NULL,
                    text              TEXT    NOT NULL,
                    source_message_id TEXT    NOT NULL,
                    importance        REAL    NOT NULL,
                    created_at        INTEGER NOT NULL,
                    model             TEXT    NOT NULL,
                    vector            BLOB    NOT NULL,
                    consolidated      INTEGER NOT NULL,
                    contradicts       TEXT,
                    PRIMARY KEY (character_id, user_id, id)
                ) WITHOUT ROWID;
                CREATE INDEX character_memories_user ON character_memories (user_id);
                CREATE TABLE character_lessons (
                    character_id TEXT    NOT NULL,
                    id           TEXT    NOT NULL,
                    user_id      TEXT    NOT NULL,
                    text         TEXT    NOT NULL,
                    situation    TEXT    NOT NULL,
                    created_at   INTEGER NOT NULL,
                    model        TEXT    NOT NULL,
                    vector       BLOB    NOT NULL,
                    PRIMARY KEY (character_id, user_id, id)
                ) WITHOUT ROWID;
                CREATE INDEX character_lessons_user ON character_lessons (user_id);
                """);
        }
    }
}
