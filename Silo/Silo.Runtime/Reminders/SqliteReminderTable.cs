using Microsoft.Data.Sqlite;
using Silo.Storage.Sqlite;

namespace Silo.Reminders;

/// <summary>Reminders in the silo's SQLite database, so they fire again after a restart.</summary>
public sealed class SqliteReminderTable(SqliteDatabase database) : IReminderTable
{
    private const string Columns = "grain_type, grain_key, reminder_name, start_at, period_ms, etag";

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>(Read($"SELECT {Columns} FROM silo_reminders;", _ => { }));

    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>(Read(
            $"SELECT {Columns} FROM silo_reminders WHERE grain_type = $type AND grain_key = $key;",
            command => AddGrain(command, grainId)));

    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken) =>
        Task.FromResult(Read(
            $"SELECT {Columns} FROM silo_reminders WHERE grain_type = $type AND grain_key = $key AND reminder_name = $name;",
            command =>
            {
                AddGrain(command, grainId);
                command.Parameters.AddWithValue("$name", name);
            }).SingleOrDefault());

    public async Task<ReminderEntry> UpsertAsync(GrainId grainId, string name, DateTimeOffset startAt, TimeSpan period, CancellationToken cancellationToken)
    {
        var entry = new ReminderEntry(grainId, name, startAt, period, Guid.NewGuid().ToString("N"));
        await database.WriteAsync(
            (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"""
                    INSERT INTO silo_reminders ({Columns}) VALUES ($type, $key, $name, $start, $period, $etag)
                    ON CONFLICT (grain_type, grain_key, reminder_name)
                    DO UPDATE SET start_at = excluded.start_at, period_ms = excluded.period_ms, etag = excluded.etag;
                    """;
                AddGrain(command, grainId);
                command.Parameters.AddWithValue("$name", name);
                command.Parameters.AddWithValue("$start", startAt.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$period", (long)period.TotalMilliseconds);
                command.Parameters.AddWithValue("$etag", entry.ETag);
                return command.ExecuteNonQuery();
            },
            cancellationToken).ConfigureAwait(false);
        return entry;
    }

    public Task<bool> RemoveAsync(GrainId grainId, string name, string etag, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM silo_reminders WHERE grain_type = $type AND grain_key = $key AND reminder_name = $name AND etag = $etag;";
                AddGrain(command, grainId);
                command.Parameters.AddWithValue("$name", name);
                command.Parameters.AddWithValue("$etag", etag);
                return command.ExecuteNonQuery() == 1;
            },
            cancellationToken);

    private List<ReminderEntry> Read(string sql, Action<SqliteCommand> bind)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        using var reader = command.ExecuteReader();
        var entries = new List<ReminderEntry>();
        while (reader.Read())
        {
            entries.Add(new ReminderEntry(
                GrainId.Create(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                TimeSpan.FromMilliseconds(reader.GetInt64(4)),
                reader.GetString(5)));
        }

        return entries;
    }

    private static void AddGrain(SqliteCommand command, GrainId grainId)
    {
        command.Parameters.AddWithValue("$type", grainId.Type);
        command.Parameters.AddWithValue("$key", grainId.Key);
    }
}
