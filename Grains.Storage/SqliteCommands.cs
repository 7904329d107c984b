using Microsoft.Data.Sqlite;

namespace LlmMultiChat.Grains.Storage;

internal static class SqliteCommands
{
    /// <summary>A command on <paramref name="connection"/>, in <paramref name="transaction"/> when writing; parameters are added by the caller.</summary>
    public static SqliteCommand Command(this SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
