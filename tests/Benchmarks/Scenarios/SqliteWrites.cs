using System.Diagnostics;
using Benchmarks.Grains;
using Microsoft.Data.Sqlite;

namespace Benchmarks.Scenarios;

/// <summary>
/// 1,000 grains writing their state at once to SQLite (WAL, synchronous=FULL: every acknowledged write is
/// durable), through the silo's group commit, against the same writes each in its own transaction.
/// </summary>
internal static class SqliteWrites
{
    private const int Grains = 1_000;

    public static async Task RunAsync(int rounds)
    {
        var directory = Path.Combine(Path.GetTempPath(), "silo-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var batched = new List<double>();
            await using (var silo = await BenchmarkSilo.StartProductionLikeAsync(Path.Combine(directory, "silo.db")))
            {
                var grains = Enumerable.Range(0, Grains).Select(i => silo.Grains.GetGrain<IStatefulGrain>($"writer-{i}")).ToArray();
                await Task.WhenAll(grains.Select(g => g.Read().AsTask()));
                for (var round = 0; round <= rounds; round++)
                {
                    var clock = Stopwatch.StartNew();
                    await Task.WhenAll(grains.Select(g => Task.Run(() => g.Write(round))));
                    if (round > 0)
                    {
                        batched.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }
            }

            var unbatched = new List<double>();
            var path = Path.Combine(directory, "unbatched.db");
            InitializeUnbatched(path);
            for (var round = 0; round <= Math.Min(rounds, 3); round++)
            {
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, Grains).Select(i => Task.Run(() => WriteAlone(path, i, round))));
                if (round > 0)
                {
                    unbatched.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            SqliteConnection.ClearAllPools();
            var median = Median(batched);
            var unbatchedMedian = Median(unbatched);
            Report.Table(
                $"SQLite state writes: {Grains:N0} grains writing at once (WAL, synchronous=FULL), median of {batched.Count} rounds",
                ["", "time for all 1,000 writes", "writes/s", "vs one transaction per write"],
                [
                    ["silo (group commit)", $"{Report.Fixed(median, 1)} ms", Report.Number(Grains / (median / 1000)), $"{Report.Fixed(unbatchedMedian / median, 1)}× faster"],
                    ["one transaction per write (same SQL, pooled connections)", $"{Report.Fixed(unbatchedMedian, 1)} ms", Report.Number(Grains / (unbatchedMedian / 1000)), "1.0×"],
                ]);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void InitializeUnbatched(string path)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE state (grain_key TEXT PRIMARY KEY, etag TEXT, data TEXT) WITHOUT ROWID;";
        command.ExecuteNonQuery();
    }

    private static void WriteAlone(string path, int grain, int round)
    {
        using var connection = Open(path);
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO state VALUES ($key, $etag, $data) ON CONFLICT (grain_key) DO UPDATE SET etag = excluded.etag, data = excluded.data;";
        command.Parameters.AddWithValue("$key", $"writer-{grain}");
        command.Parameters.AddWithValue("$etag", Guid.NewGuid().ToString("N"));
        command.Parameters.AddWithValue("$data", $"{{\"value\":{round},\"note\":\"a small state, like a character's mood: joy 0.7, trust 0.8\"}}");
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=True;Default Timeout=60");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=FULL;";
        command.ExecuteNonQuery();
        return connection;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
