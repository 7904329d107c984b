using System.Diagnostics;
using Benchmarks.Scenarios;
using LlmMultiChat.FakeLlm;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmarks.Memory;

/// <summary>
/// A character's long-term memory at scale, through its grain as a reply uses it: <c>Recollect</c> (the user's
/// ranked memories, lessons, associations and the contradiction check, what every reply's prompt waits for) and
/// <c>Remember</c> (keeping one statement: embedding, novelty search, contradiction check, the row written behind —
/// what a turn adds after its first token). Measured with no memories, with 100,000 memories spread over 100 users
/// (1,000 each, the default per-user cap), and with 100,000 memories of the one user asking (the cap raised).
/// </summary>
internal static class MemoryRecall
{
    public const string Mode = "memory-recall";
    private const string Character = "lumina";
    private const string Asker = "asker";
    private const int Queries = 1_000;

    private static readonly string[] s_questions =
    [
        "私の犬の名前を覚えてる？", "週末は京都に行く予定です", "好きな映画の話をしよう", "I moved to Osaka last year", "最近よく眠れないんだ",
    ];

    public static async Task RunAsync()
    {
        var rows = new List<string[]>();
        foreach (var (label, users, perUser) in new[] { ("none", 0, 0), ("100 users × 1,000", 100, 1_000), ("1 user × 100,000", 1, 100_000) })
        {
            rows.Add(await MeasureAsync(label, users, perUser));
        }

        Report.Table(
            $"One character's long-term memory through its grain ({Report.Number(Queries)} calls each, hashing embedder, 256 dimensions)",
            ["Memories held", "Recollect p50", "Recollect p95", "Remember p50", "Remember p95", "first load of the asker's memories"],
            rows);
        Console.WriteLine("Targets: retrieval p95 < 20 ms with 100,000 memories; adding a turn's memories < 5 ms (off the reply's critical path).");
        Console.WriteLine();
    }

    private static async Task<string[]> MeasureAsync(string label, int users, int perUser)
    {
        await using var llm = new FakeLlmServer();
        await llm.StartAsync();
        await using var host = await ChatHost.StartAsync(llm, sqlitePath: null, new Dictionary<string, string?>
        {
            ["LongTermMemory:MaxPerUser"] = Math.Max(1_000, perUser).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var embedder = host.Services.GetRequiredService<IEmbedder>();
        await SeedAsync(host.Services.GetRequiredService<ICharacterMemoryStore>(), embedder.Model, users, perUser);
        var character = host.Grains.GetGrain<ICharacterGrain>(Character);
        var vectors = await embedder.EmbedAsync(s_questions, CancellationToken.None);

        var loading = Stopwatch.StartNew();
        await character.Recollect(Asker, s_questions[0], vectors[0], embedder.Model, 5);
        loading.Stop();

        var recollect = new LatencyHistogram();
        var remember = new LatencyHistogram();
        for (var i = 0; i < Queries + 50; i++)
        {
            var q = i % s_questions.Length;
            var started = Stopwatch.GetTimestamp();
            await character.Recollect(Asker, s_questions[q], vectors[q], embedder.Model, 5);
            var recalled = Stopwatch.GetTimestamp() - started;
            started = Stopwatch.GetTimestamp();
            await character.Remember(Asker, $"{s_questions[q]} それと、メモ番号{i}のことも覚えておいて", $"message-{i}");
            var remembered = Stopwatch.GetTimestamp() - started;
            if (i >= 50)
            {
                recollect.Record(recalled);
                remember.Record(remembered);
            }
        }

        return [label, Ms(recollect, 50), Ms(recollect, 95), Ms(remember, 50), Ms(remember, 95), Report.Milliseconds(loading.Elapsed)];
    }

    /// <summary>Rows straight into the store, as if kept over months: random unit vectors, the asker first when there is one user.</summary>
    private static async Task SeedAsync(ICharacterMemoryStore store, string model, int users, int perUser)
    {
        var random = new Random(42);
        var start = TimeProvider.System.GetUtcNow().AddDays(-60);
        for (var u = 0; u < users; u++)
        {
            var user = u == 0 ? Asker : $"user-{u}";
            var memories = Enumerable.Range(0, perUser).Select(i => new LongTermMemory(
                $"{user}-{i}", user, $"{user} のメモ {i}: 週末の予定と好きなもの", $"message-{user}-{i}", 0.3 + (random.NextDouble() * 0.6),
                start.AddSeconds(i), model, RandomUnitVector(random, 256), Consolidated: true)).ToList();
            await store.SaveAsync(Character, new MemoryChanges(memories, [], [], []), CancellationToken.None);
        }
    }

    private static float[] RandomUnitVector(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        }

        VectorMath.Normalize(vector);
        return vector;
    }

    private static string Ms(LatencyHistogram histogram, double percentile) => Report.Fixed(histogram.PercentileMicroseconds(percentile) / 1000, 3) + " ms";
}
