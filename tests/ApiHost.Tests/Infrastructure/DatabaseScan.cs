using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace LlmMultiChat.ApiHost.Tests.Infrastructure;

/// <summary>Reads every row and column of every table of a SQLite file, to find where a piece of text is kept.</summary>
internal static class DatabaseScan
{
    /// <summary>
    /// Where <paramref name="needle"/> occurs (case-insensitive), as "table.column" once per row: in TEXT values, and
    /// in BLOBs read as UTF-8; also as JSON writes it with non-ASCII escaped (grain state is JSON).
    /// </summary>
    public static IReadOnlyList<string> Find(string databasePath, string needle)
    {
        string[] forms = [needle, JsonSerializer.Serialize(needle)[1..^1]];
        var found = new List<string>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        foreach (var table in Tables(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\";";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var column = 0; column < reader.FieldCount; column++)
                {
                    var text = reader.GetValue(column) switch
                    {
                        string s => s,
                        byte[] bytes => Encoding.UTF8.GetString(bytes),
                        _ => null,
                    };
                    if (text is not null && forms.Any(form => text.Contains(form, StringComparison.OrdinalIgnoreCase)))
                    {
                        found.Add($"{table}.{reader.GetName(column)}");
                    }
                }
            }
        }

        return found;
    }

    /// <summary>How many rows of <paramref name="table"/> match <paramref name="where"/> (a fixed condition with $value bound).</summary>
    public static long Count(string databasePath, string table, string where, string value)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE {where};";
        command.Parameters.AddWithValue("$value", value);
        return (long)command.ExecuteScalar()!;
    }

    private static List<string> Tables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;";
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
