using System.Reflection;
using LlmMultiChat.FakeLlm;
using LlmMultiChat.FakeLlm.Scripting;

namespace Benchmarks.Http;

/// <summary>
/// Authenticated reads through the whole ApiHost (JWT, session check against the user grain, rate-limiter
/// middleware, authorization against the resource, grain call, JSON) under wrk's load, side by side with the bare
/// authenticated endpoint of <see cref="BareApiServer"/>.
/// </summary>
internal static class RestThroughput
{
    public const string Mode = "http";

    private const int Connections = 64;
    private const int StoredMessages = 50;

    // A reply of a realistic size (about 60 words) so the message page weighs what a real one does.
    private static readonly string Reply = string.Join(" ", Enumerable.Repeat("The lantern light trembles on the water while we talk.", 6));

    public static async Task RunAsync(TimeSpan duration)
    {
        await using var llm = new FakeLlmServer();
        await llm.StartAsync();
        llm.Script(FakeReply.Text(Reply));
        await using var api = await ApiUnderTest.StartAsync(llm);
        await using var bare = await ServerProcess.StartAsync(
            Assembly.GetEntryAssembly()!.Location, url => [BareApiServer.Mode, url.ToString(), ApiUnderTest.SigningKey], BareApiServer.Path);
        var conversationId = await api.CreateConversationAsync();
        for (var i = 0; i < StoredMessages / 2; i++)
        {
            await api.SendAsync(conversationId, $"Tell me about the lanterns, part {i}.");
        }

        var targets = new (string Name, Uri Url)[]
        {
            ("bare authenticated minimal-API endpoint (baseline)", new Uri(bare.Url, BareApiServer.Path)),
            ("`GET /api/v1/characters` (3 characters)", new Uri(api.Url, "/api/v1/characters")),
            ($"`GET /api/v1/conversations/{{id}}/messages` ({StoredMessages} messages)", new Uri(api.Url, $"/api/v1/conversations/{conversationId}/messages?limit={StoredMessages}")),
        };
        var results = new List<(string Name, WrkResult Figures)>();
        foreach (var (name, url) in targets)
        {
            await Wrk.RunAsync(url, api.AccessToken, Connections, TimeSpan.FromSeconds(3)); // warm-up: JIT, tiered compilation, pools
            var result = await Wrk.RunAsync(url, api.AccessToken, Connections, duration);
            if (result.Failures > 0)
            {
                throw new InvalidOperationException($"{name}: {result.Failures} of {result.Requests} requests failed; the figures would be meaningless.");
            }

            results.Add((name, result));
        }

        var baseline = results[0].Figures.RequestsPerSecond;
        Report.Table(
            $"Authenticated reads, wrk -t2 -c{Connections} -d{(int)duration.TotalSeconds}s on loopback (servers: separate processes, server GC)",
            ["Route", "Requests/s", "p50", "p99", "vs baseline"],
            results.Select(r => new[]
            {
                r.Name, Report.Number(r.Figures.RequestsPerSecond), Report.Milliseconds(r.Figures.P50), Report.Milliseconds(r.Figures.P99),
                Report.Fixed(r.Figures.RequestsPerSecond / baseline) + "×",
            }));
    }
}
