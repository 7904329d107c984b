using Microsoft.Data.Sqlite;

namespace Silo.Storage.Sqlite;

/// <summary>
/// The tables one module owns in the silo's SQLite file (grain state and reminders are the runtime's module;
/// grain-owned tables such as a conversation log are others). Each module's version is tracked on its own, and
/// <see cref="Upgrade"/> runs inside the migration transaction only when the stored version is lower.
/// </summary>
public interface ISqliteSchema
{
    /// <summary>A stable module name, e.g. "conversations".</summary>
    string ModuleName { get; }

    /// <summary>The version this build needs.</summary>
    int Version { get; }

    /// <summary>Brings the module's tables from <paramref name="fromVersion"/> (0: none) to <see cref="Version"/>.</summary>
    void Upgrade(SqliteConnection connection, SqliteTransaction transaction, int fromVersion);
}
