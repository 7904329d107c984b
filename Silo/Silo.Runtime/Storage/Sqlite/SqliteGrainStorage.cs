using Microsoft.Data.Sqlite;

namespace Silo.Storage.Sqlite;

/// <summary>Grain state in SQLite: one row per (grain type, key, state name), JSON text, a fresh random ETag per write.</summary>
public sealed class SqliteGrainStorage(SqliteDatabase database, GrainStateSerializer serializer, TimeProvider time) : IGrainStorage
{
    public Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        string? etag = null;
        string? data = null;
        try
        {
            using var connection = database.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT etag, data FROM silo_grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $state;";
            AddKey(command, stateName, grainId);
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                etag = reader.GetString(0);
                data = reader.GetString(1);
            }
        }
        catch (SqliteException ex)
        {
            throw new GrainStorageException($"Reading state '{stateName}' of grain {grainId} from SQLite failed: {ex.Message}", ex);
        }

        grainState.State = data is null ? Activator.CreateInstance<TState>() : serializer.Deserialize<TState>(data, grainId, stateName);
        grainState.ETag = etag;
        grainState.RecordExists = etag is not null;
        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var json = serializer.Serialize(grainState.State);
        var held = grainState.ETag;
        var next = NewEtag();
        var modifiedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        var outcome = await database.WriteAsync(
            (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = held is null
                    ? """
                      INSERT INTO silo_grain_state (grain_type, grain_key, state_name, etag, data, modified_at)
                      VALUES ($type, $key, $state, $next, $data, $modified) ON CONFLICT DO NOTHING;
                      """
                    : """
                      UPDATE silo_grain_state SET etag = $next, data = $data, modified_at = $modified
                      WHERE grain_type = $type AND grain_key = $key AND state_name = $state AND etag = $held;
                      """;
                AddKey(command, stateName, grainId);
                command.Parameters.AddWithValue("$next", next);
                command.Parameters.AddWithValue("$data", json);
                command.Parameters.AddWithValue("$modified", modifiedAt);
                command.Parameters.AddWithValue("$held", (object?)held ?? DBNull.Value);
                return command.ExecuteNonQuery() == 1 ? Outcome.Done : Outcome.Conflict(StoredEtag(connection, transaction, stateName, grainId));
            },
            cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            throw StorageConflict.Create(stateName, grainId, outcome.StoredEtag, held);
        }

        grainState.ETag = next;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var held = grainState.ETag;
        var outcome = await database.WriteAsync(
            (connection, transaction) =>
            {
                var stored = StoredEtag(connection, transaction, stateName, grainId);
                if (stored != held)
                {
                    return Outcome.Conflict(stored);
                }

                if (stored is not null)
                {
                    using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = "DELETE FROM silo_grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $state;";
                    AddKey(command, stateName, grainId);
                    command.ExecuteNonQuery();
                }

                return Outcome.Done;
            },
            cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            throw StorageConflict.Create(stateName, grainId, outcome.StoredEtag, held);
        }

        grainState.State = Activator.CreateInstance<TState>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static string? StoredEtag(SqliteConnection connection, SqliteTransaction transaction, string stateName, GrainId grainId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT etag FROM silo_grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $state;";
        AddKey(command, stateName, grainId);
        return command.ExecuteScalar() as string;
    }

    private static void AddKey(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("$type", grainId.Type);
        command.Parameters.AddWithValue("$key", grainId.Key);
        command.Parameters.AddWithValue("$state", stateName);
    }

    private static string NewEtag() => Guid.NewGuid().ToString("N");

    private readonly record struct Outcome(bool Succeeded, string? StoredEtag)
    {
        public static Outcome Done => new(true, null);

        public static Outcome Conflict(string? storedEtag) => new(false, storedEtag);
    }
}
