using System.Net.Http.Json;
using System.Text.Json;
using LlmMultiChat.Grains.Memory;
using Microsoft.Data.Sqlite;

namespace Benchmarks.Http;

/// <summary>
/// Long-term memories written straight into a running ApiHost's SQLite file, as if kept over months: the signed-in
/// user's 1,000 (the default per-user cap) and other users' 1,000 each up to the total. The character loads a user's
/// rows when that user first talks to it, so rows written before the first turn are what it finds.
/// </summary>
internal static class MemorySeed
{
    private const int PerUser = 1_000;

    public static async Task WriteAsync(ApiUnderTest api, string characterId, int total)
    {
        using var me = await api.Client.GetAsync("/api/v1/auth/me");
        await ApiUnderTest.EnsureSuccessAsync(me);
        var userId = (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetString()!;
        var random = new Random(42);
        var start = TimeProvider.System.GetUtcNow().AddDays(-60).ToUnixTimeMilliseconds();

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = api.DatabasePath, DefaultTimeout = 30 }.ToString());
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO character_memories (character_id, id, user_id, text, source_message_id, importance, created_at, model, vector, consolidated, contradicts)
            VALUES ($character, $id, $user, $text, $source, $importance, $created, 'hashing:256', $vector, 1, NULL);
            """;
        var parameters = new[] { "$character", "$id", "$user", "$text", "$source", "$importance", "$created", "$vector" }
            .ToDictionary(name => name, name => insert.Parameters.Add(new SqliteParameter { ParameterName = name }));
        parameters["$character"].Value = characterId;
        for (var i = 0; i < total; i++)
        {
            var user = i < PerUser ? userId : $"seeded-user-{i / PerUser}";
            parameters["$id"].Value = $"seed-{i}";
            parameters["$user"].Value = user;
            parameters["$text"].Value = $"メモ {i}: 週末の予定と好きな映画のこと";
            parameters["$source"].Value = $"seed-message-{i}";
            parameters["$importance"].Value = 0.3 + (random.NextDouble() * 0.6);
            parameters["$created"].Value = start + (i * 1000L);
            parameters["$vector"].Value = PackedVector.Pack(RandomUnitVector(random));
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static float[] RandomUnitVector(Random random)
    {
        var vector = new float[256];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        }

        VectorMath.Normalize(vector);
        return vector;
    }
}
