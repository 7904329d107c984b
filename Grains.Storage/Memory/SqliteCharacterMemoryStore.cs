using LlmMultiChat.Grains.Memory;
using Microsoft.Data.Sqlite;
using Silo.Storage.Sqlite;

namespace LlmMultiChat.Grains.Storage.Memory;

/// <summary>The long-term tier's tables in the silo's SQLite file; a character's changes are applied in one group-committed transaction.</summary>
public sealed class SqliteCharacterMemoryStore(SqliteDatabase database) : ICharacterMemoryStore
{
    private const string MemoryColumns = "character_id, id, user_id, text, source_message_id, importance, created_at, model, vector, consolidated, contradicts";
    private const string LessonColumns = "character_id, id, user_id, text, situation, created_at, model, vector";

    public Task<UserMemories> ReadAsync(string characterId, string userId, CancellationToken cancellationToken)
    {
        using var connection = database.OpenConnection();
        var memories = new List<LongTermMemory>();
        using (var command = connection.Command(null, $"SELECT {MemoryColumns} FROM character_memories WHERE character_id = $character AND user_id = $user ORDER BY created_at, id;"))
        {
            command.Parameters.AddWithValue("$character", characterId);
            command.Parameters.AddWithValue("$user", userId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                memories.Add(new LongTermMemory(
                    Id: reader.GetString(1),
                    UserId: reader.GetString(2),
                    Text: reader.GetString(3),
                    SourceMessageId: reader.GetString(4),
                    Importance: reader.GetDouble(5),
                    CreatedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                    Model: reader.GetString(7),
                    Vector: PackedVector.Unpack((byte[])reader[8]),
                    Consolidated: reader.GetInt64(9) != 0,
                    Contradicts: reader.IsDBNull(10) ? null : reader.GetString(10)));
            }
        }

        var lessons = new List<Lesson>();
        using (var command = connection.Command(null, $"SELECT {LessonColumns} FROM character_lessons WHERE character_id = $character AND user_id = $user ORDER BY created_at, id;"))
        {
            command.Parameters.AddWithValue("$character", characterId);
            command.Parameters.AddWithValue("$user", userId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                lessons.Add(new Lesson(
                    Id: reader.GetString(1),
                    UserId: reader.GetString(2),
                    Text: reader.GetString(3),
                    Situation: reader.GetString(4),
                    CreatedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                    Model: reader.GetString(6),
                    Vector: PackedVector.Unpack((byte[])reader[7])));
            }
        }

        return Task.FromResult(new UserMemories(memories, lessons));
    }

    public Task SaveAsync(string characterId, MemoryChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return database.WriteAsync(
            (connection, transaction) =>
            {
                foreach (var memory in changes.SavedMemories)
                {
                    using var command = connection.Command(transaction, $"""
                        INSERT OR REPLACE INTO character_memories ({MemoryColumns})
                        VALUES ($character, $id, $user, $text, $source, $importance, $created, $model, $vector, $consolidated, $contradicts);
                        """);
                    command.Parameters.AddWithValue("$character", characterId);
                    command.Parameters.AddWithValue("$id", memory.Id);
                    command.Parameters.AddWithValue("$user", memory.UserId);
                    command.Parameters.AddWithValue("$text", memory.Text);
                    command.Parameters.AddWithValue("$source", memory.SourceMessageId);
                    command.Parameters.AddWithValue("$importance", memory.Importance);
                    command.Parameters.AddWithValue("$created", memory.CreatedAt.ToUnixTimeMilliseconds());
                    command.Parameters.AddWithValue("$model", memory.Model);
                    command.Parameters.AddWithValue("$vector", PackedVector.Pack(memory.Vector));
                    command.Parameters.AddWithValue("$consolidated", memory.Consolidated ? 1 : 0);
                    command.Parameters.AddWithValue("$contradicts", (object?)memory.Contradicts ?? DBNull.Value);
                    command.ExecuteNonQuery();
                }

                foreach (var lesson in changes.SavedLessons)
                {
                    using var command = connection.Command(transaction, $"""
                        INSERT OR REPLACE INTO character_lessons ({LessonColumns})
                        VALUES ($character, $id, $user, $text, $situation, $created, $model, $vector);
                        """);
                    command.Parameters.AddWithValue("$character", characterId);
                    command.Parameters.AddWithValue("$id", lesson.Id);
                    command.Parameters.AddWithValue("$user", lesson.UserId);
                    command.Parameters.AddWithValue("$text", lesson.Text);
                    command.Parameters.AddWithValue("$situation", lesson.Situation);
                    command.Parameters.AddWithValue("$created", lesson.CreatedAt.ToUnixTimeMilliseconds());
                    command.Parameters.AddWithValue("$model", lesson.Model);
                    command.Parameters.AddWithValue("$vector", PackedVector.Pack(lesson.Vector));
                    command.ExecuteNonQuery();
                }

                Delete(connection, transaction, "character_memories", characterId, changes.DeletedMemories);
                Delete(connection, transaction, "character_lessons", characterId, changes.DeletedLessons);
                return 0;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<string>> CharactersKeepingAsync(string userId, CancellationToken cancellationToken)
    {
        using var connection = database.OpenConnection();
        using var command = connection.Command(null, """
            SELECT character_id FROM character_memories WHERE user_id = $user
            UNION SELECT character_id FROM character_lessons WHERE user_id = $user
            ORDER BY 1;
            """);
        command.Parameters.AddWithValue("$user", userId);
        using var reader = command.ExecuteReader();
        var characters = new List<string>();
        while (reader.Read())
        {
            characters.Add(reader.GetString(0));
        }

        return Task.FromResult<IReadOnlyList<string>>(characters);
    }

    public Task DeleteCharacterAsync(string characterId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction) =>
            {
                using var command = connection.Command(transaction, """
                    DELETE FROM character_memories WHERE character_id = $character;
                    DELETE FROM character_lessons WHERE character_id = $character;
                    """);
                command.Parameters.AddWithValue("$character", characterId);
                return command.ExecuteNonQuery();
            },
            cancellationToken);

    /// <summary>The table name is one of two constants above, never input.</summary>
    private static void Delete(SqliteConnection connection, SqliteTransaction transaction, string table, string characterId, IReadOnlyList<MemoryRowKey> keys)
    {
        foreach (var key in keys)
        {
            using var command = connection.Command(transaction, $"DELETE FROM {table} WHERE character_id = $character AND user_id = $user AND id = $id;");
            command.Parameters.AddWithValue("$character", characterId);
            command.Parameters.AddWithValue("$user", key.UserId);
            command.Parameters.AddWithValue("$id", key.Id);
            command.ExecuteNonQuery();
        }
    }
}
