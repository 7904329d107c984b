using System.Diagnostics;
using LlmMultiChat.Grains.Memory;

namespace Benchmarks.Memory;

/// <summary>
/// Top-10 cosine search over one character's 100,000 memories of 256 dimensions (<see cref="VectorIndex{TKey}"/>:
/// one contiguous block, SIMD dot products), against the naive form in the same run: an array per vector and a
/// scalar cosine that computes both norms every time.
/// </summary>
internal static class VectorSearch
{
    public const string Mode = "vector-search";
    private const int Dimensions = 256;

    public static void Run(int memories, int queries)
    {
        var random = new Random(42);
        var vectors = new float[memories][];
        var index = new VectorIndex<int>(Dimensions, memories);
        for (var i = 0; i < memories; i++)
        {
            vectors[i] = RandomVector(random);
            index.Set(i, vectors[i]);
        }

        var probes = Enumerable.Range(0, queries).Select(_ => RandomVector(random)).ToArray();
        var indexed = Measure(probes, 50, q => index.Search(q, 10).Count);
        var naive = Measure(probes[..Math.Min(queries, 100)], 5, q => NaiveTop10(vectors, q));

        Report.Table(
            $"Top-10 cosine over {Report.Number(memories)} vectors of {Dimensions} dimensions ({Report.Number(queries)} queries)",
            ["Search", "p50", "p95", "p99", "vs naive (p50)"],
            [
                ["VectorIndex (contiguous, TensorPrimitives.Dot)", Ms(indexed, 50), Ms(indexed, 95), Ms(indexed, 99), Report.Fixed(naive.PercentileMicroseconds(50) / indexed.PercentileMicroseconds(50), 1) + "×"],
                ["naive (float[] per vector, scalar cosine)", Ms(naive, 50), Ms(naive, 95), Ms(naive, 99), "1.0×"],
            ]);
        Console.WriteLine($"Index block: {Report.Number(memories * Dimensions * sizeof(float) / 1024.0 / 1024.0)} MB; target p95 < 20 ms.");
        Console.WriteLine();
    }

    private static LatencyHistogram Measure(float[][] probes, int warmup, Func<float[], int> search)
    {
        var sink = 0;
        for (var i = 0; i < warmup; i++)
        {
            sink += search(probes[i % probes.Length]);
        }

        var histogram = new LatencyHistogram();
        foreach (var probe in probes)
        {
            var started = Stopwatch.GetTimestamp();
            sink += search(probe);
            histogram.Record(Stopwatch.GetTimestamp() - started);
        }

        GC.KeepAlive(sink);
        return histogram;
    }

    private static int NaiveTop10(float[][] vectors, float[] query)
    {
        var scores = new List<(float Score, int Key)>(vectors.Length);
        for (var i = 0; i < vectors.Length; i++)
        {
            float dot = 0, a = 0, b = 0;
            var v = vectors[i];
            for (var d = 0; d < v.Length; d++)
            {
                dot += query[d] * v[d];
                a += query[d] * query[d];
                b += v[d] * v[d];
            }

            scores.Add((dot / MathF.Sqrt(a * b), i));
        }

        return scores.OrderByDescending(s => s.Score).Take(10).Count();
    }

    private static float[] RandomVector(Random random)
    {
        var vector = new float[Dimensions];
        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] = (float)((random.NextDouble() * 2) - 1);
        }

        return vector;
    }

    private static string Ms(LatencyHistogram histogram, double percentile) => Report.Fixed(histogram.PercentileMicroseconds(percentile) / 1000, 2) + " ms";
}
