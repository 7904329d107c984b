using System.Text.Json;
using LlmMultiChat.Grains.Memory;
using Microsoft.Data.Sqlite;
using Silo.Storage.Sqlite;

namespace LlmMultiChat.Grains.Storage.Memory;

/// <summary>
/// The mid-term tier's table in the silo's SQLite file. A summary's row goes with its last user: each deletion
/// removes the summaries' user rows and the summaries in one transaction of the group-commit writer.
/// </summary>
public sealed class SqliteSessionSummaryStore(SqliteDatabase database) : ISessionSummaryStore
{
    private const string Columns = "s.id, s.conversation_id, s.character_ids, s.text, s.keywords, s.model, s.vector, s.first_idx, s.last_idx, s.turn_count, s.created_at";

    public async Task AddAsync(SessionSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.UserIds.Count == 0)
        {
            throw new ArgumentException($"Summary {summary.Id} is kept for nobody.", nameof(summary));
        }

        var added = await database.WriteAsync(
            (connection, transaction) =>
            {
                using var exists = connection.Command(transaction, "SELECT 1 FROM session_summaries WHERE id = $id;");
                exists.Parameters.AddWithValue("$id", summary.Id);
                if (exists.ExecuteScalar() is not null)
                {
                    return false;
                }

                using var insert = connection.Command(transaction, """
                    INSERT INTO session_summaries (id, conversation_id, character_ids, text, keywords, model, vector, first_idx, last_idx, turn_count, created_at)
                    VALUES ($id, $conversation, $characters, $text, $keywords, $model, $vector, $first, $last, $turns, $created);
                    """);
                insert.Parameters.AddWithValue("$id", summary.Id);
                insert.Parameters.AddWithValue("$conversation", summary.ConversationId);
                insert.Parameters.AddWithValue("$characters", JsonSerializer.Serialize(summary.CharacterIds));
                insert.Parameters.AddWithValue("$text", summary.Text);
                insert.Parameters.AddWithValue("$keywords", JsonSerializer.Serialize(summary.Keywords));
                insert.Parameters.AddWithValue("$model", summary.Model);
                insert.Parameters.AddWithValue("$vector", PackedVector.Pack(summary.Vector));
                insert.Parameters.AddWithValue("$first", summary.FirstIndex);
                insert.Parameters.AddWithValue("$last", summary.LastIndex);
                insert.Parameters.AddWithValue("$turns", summary.TurnCount);
                insert.Parameters.AddWithValue("$created", summary.CreatedAt.ToUnixTimeMilliseconds());
                insert.ExecuteNonQuery();

                using var user = connection.Command(transaction, "INSERT OR IGNORE INTO session_summary_users (user_id, summary_id, position) VALUES ($user, $id, $position);");
                var userId = user.Parameters.Add("$user", SqliteType.Text);
                user.Parameters.AddWithValue("$id", summary.Id);
                var position = user.Parameters.Add("$position", SqliteType.Integer);
                for (var i = 0; i < summary.UserIds.Count; i++)
                {
                    userId.Value = summary.UserIds[i];
                    position.Value = i;
                    user.ExecuteNonQuery();
                }

                return true;
            },
            cancellationToken).ConfigureAwait(false);
        if (!added)
        {
            throw new InvalidOperationException($"Summary {summary.Id} already exists.");
        }
    }

    public Task<SessionSummary?> FindAsync(string id, string userId, CancellationToken cancellationToken)
    {
        using var connection = database.OpenConnection();
        using var command = connection.Command(null, $"""
            SELECT {Columns} FROM session_summaries s
            WHERE s.id = $id AND EXISTS (SELECT 1 FROM session_summary_users u WHERE u.summary_id = s.id AND u.user_id = $user);
            """);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$user", userId);
        return Task.FromResult(ReadSummaries(connection, command).SingleOrDefault());
    }

    public Task<IReadOnlyList<SessionSummary>> ForUserAsync(string userId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        using var connection = database.OpenConnection();
        using var command = connection.Command(null, $"""
            SELECT {Columns} FROM session_summaries s JOIN session_summary_users u ON u.summary_id = s.id
            WHERE u.user_id = $user AND s.created_at >= $since
            ORDER BY s.created_at DESC, s.id DESC;
            """);
        command.Parameters.AddWithValue("$user", userId);
        command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        return Task.FromResult<IReadOnlyList<SessionSummary>>(ReadSummaries(connection, command));
    }

    public Task<bool> ForgetAsync(string id, string userId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction) =>
            {
                using var forget = connection.Command(transaction, "DELETE FROM session_summary_users WHERE summary_id = $id AND user_id = $user;");
                forget.Parameters.AddWithValue("$id", id);
                forget.Parameters.AddWithValue("$user", userId);
                if (forget.ExecuteNonQuery() == 0)
                {
                    return false;
                }

                using var orphan = connection.Command(transaction, "DELETE FROM session_summaries WHERE id = $id AND NOT EXISTS (SELECT 1 FROM session_summary_users WHERE summary_id = $id);");
                orphan.Parameters.AddWithValue("$id", id);
                orphan.ExecuteNonQuery();
                return true;
            },
            cancellationToken);

    public Task<int> EraseUserAsync(string userId, CancellationToken cancellationToken) =>
        DeleteWhereAsync("SELECT summary_id FROM session_summary_users WHERE user_id = $key", userId, cancellationToken);

    public Task<int> DeleteConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        DeleteWhereAsync("SELECT id FROM session_summaries WHERE conversation_id = $key", conversationId, cancellationToken);

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        DeleteWhereAsync("SELECT id FROM session_summaries WHERE created_at < $key", cutoff.ToUnixTimeMilliseconds(), cancellationToken);

    /// <summary>Deletes the summaries <paramref name="doomedIds"/> selects (with <c>$key</c> bound), with their user rows.</summary>
    private Task<int> DeleteWhereAsync(string doomedIds, object key, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction) =>
            {
                var ids = new List<string>();
                using (var select = connection.Command(transaction, doomedIds + ";"))
                {
                    select.Parameters.AddWithValue("$key", key);
                    using var reader = select.ExecuteReader();
                    while (reader.Read())
                    {
                        ids.Add(reader.GetString(0));
                    }
                }

                if (ids.Count == 0)
                {
                    return 0;
                }

                using var delete = connection.Command(transaction, """
                    DELETE FROM session_summary_users WHERE summary_id IN (SELECT value FROM json_each($ids));
                    DELETE FROM session_summaries WHERE id IN (SELECT value FROM json_each($ids));
                    """);
                delete.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
                delete.ExecuteNonQuery();
                return ids.Count;
            },
            cancellationToken);

    /// <summary>The summaries <paramref name="command"/> selects (<see cref="Columns"/>), in its order, each with the users who keep it.</summary>
    private static List<SessionSummary> ReadSummaries(SqliteConnection connection, SqliteCommand command)
    {
        var summaries = new List<SessionSummary>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                summaries.Add(new SessionSummary(
                    Id: reader.GetString(0),
                    ConversationId: reader.GetString(1),
                    UserIds: [],
                    CharacterIds: JsonSerializer.Deserialize<string[]>(reader.GetString(2))!,
                    Text: reader.GetString(3),
                    Keywords: JsonSerializer.Deserialize<string[]>(reader.GetString(4))!,
                    Model: reader.GetString(5),
                    Vector: PackedVector.Unpack((byte[])reader.GetValue(6)),
                    FirstIndex: reader.GetInt64(7),
                    LastIndex: reader.GetInt64(8),
                    TurnCount: reader.GetInt32(9),
                    CreatedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10))));
            }
        }

        if (summaries.Count == 0)
        {
            return summaries;
        }

        using var users = connection.Command(null, """
            SELECT summary_id, user_id FROM session_summary_users
            WHERE summary_id IN (SELECT value FROM json_each($ids)) ORDER BY summary_id, position;
            """);
        users.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(summaries.Select(s => s.Id)));
        var keptFor = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using (var reader = users.ExecuteReader())
        {
            while (reader.Read())
            {
                var summaryId = reader.GetString(0);
                if (!keptFor.TryGetValue(summaryId, out var list))
                {
                    keptFor[summaryId] = list = [];
                }

                list.Add(reader.GetString(1));
            }
        }

        return [.. summaries.Select(s => s with { UserIds = keptFor.GetValueOrDefault(s.Id) ?? [] })];
    }
}
