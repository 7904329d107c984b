using Microsoft.Data.Sqlite;

namespace Silo.Storage.Sqlite;

/// <summary>The runtime's own tables: grain state, reminders, and the readiness probe's scratch table.</summary>
internal sealed class SiloSchema : ISqliteSchema
{
    public string ModuleName => "silo";

    public int Version => 1;

    public void Upgrade(SqliteConnection connection, SqliteTransaction transaction, int fromVersion)
    {
        if (fromVersion < 1)
        {
            SqliteDatabase.Execute(connection, transaction, """
                CREATE TABLE silo_grain_state (
                    grain_type  TEXT    NOT NULL,
                    grain_key   TEXT    NOT NULL,
                    state_name  TEXT    NOT NULL,
                    etag        TEXT    NOT NULL,
                    data        TEXT    NOT NULL,
                    modified_at INTEGER NOT NULL,
                    PRIMARY KEY (grain_type, grain_key, state_name)
                ) WITHOUT ROWID;
                CREATE TABLE silo_reminders (
                    grain_type    TEXT    NOT NULL,
                    grain_key     TEXT    NOT NULL,
                    reminder_name TEXT    NOT NULL,
                    start_at      INTEGER NOT NULL,
                    period_ms     INTEGER NOT NULL,
                    etag          TEXT    NOT NULL,
                    PRIMARY KEY (grain_type, grain_key, reminder_name)
                ) WITHOUT ROWID;
                CREATE TABLE silo_health_probe (
                    id        INTEGER PRIMARY KEY,
                    probed_at INTEGER NOT NULL
                );
                """);
        }
    }
}
