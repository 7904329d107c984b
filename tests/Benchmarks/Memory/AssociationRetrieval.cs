using System.Diagnostics;
using LlmMultiChat.Grains.Memory;

namespace Benchmarks.Memory;

/// <summary>
/// Depth-3 retrieval on a random graph of 10,000 concepts and 100,000 edges (strengths uniform in 0.1..1, so most
/// edges pass the thresholds and the walk touches much of the graph: a worse case than a learned graph).
/// </summary>
internal static class AssociationRetrieval
{
    public const string Mode = "associations";

    public static void Run(int concepts, int edges, int queries)
    {
        var random = new Random(42);
        var graph = new AssociationGraph(TimeProvider.System);
        var names = Enumerable.Range(0, concepts).Select(i => $"concept-{i}").ToArray();
        var built = Stopwatch.StartNew();
        while (graph.EdgeCount < edges)
        {
            var a = names[random.Next(concepts)];
            var b = names[random.Next(concepts)];
            if (a != b && graph.Strength(a, b) is null)
            {
                graph.Link(a, b, 0.1 + (random.NextDouble() * 0.9));
            }
        }

        built.Stop();
        var centers = Enumerable.Range(0, queries).Select(_ => names[random.Next(concepts)]).ToArray();
        var rows = new List<string[]>();
        foreach (var threshold in new[] { 0.3, 0.5 })
        {
            var reached = 0;
            for (var i = 0; i < 50; i++)
            {
                reached += graph.Retrieve(centers[i], 3, threshold).Count;
            }

            var histogram = new LatencyHistogram();
            foreach (var center in centers)
            {
                var started = Stopwatch.GetTimestamp();
                reached += graph.Retrieve(center, 3, threshold).Count;
                histogram.Record(Stopwatch.GetTimestamp() - started);
            }

            GC.KeepAlive(reached);
            rows.Add([$"depth 3, threshold {Report.Fixed(threshold, 1)}", Ms(histogram, 50), Ms(histogram, 95), Ms(histogram, 99), Report.Fixed(50 / (histogram.PercentileMicroseconds(95) / 1000), 0) + "×"]);
        }

        Report.Table(
            $"Association retrieval on {Report.Number(concepts)} concepts and {Report.Number(graph.EdgeCount)} edges ({Report.Number(queries)} random centres)",
            ["Retrieval", "p50", "p95", "p99", "headroom vs 50 ms (p95)"],
            rows);
        Console.WriteLine($"Building the graph with Link: {Report.Milliseconds(built.Elapsed, 0)}.");
        Console.WriteLine();
    }

    private static string Ms(LatencyHistogram histogram, double percentile) => Report.Fixed(histogram.PercentileMicroseconds(percentile) / 1000, 2) + " ms";
}
