using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using LlmMultiChat.FakeLlm;
using LlmMultiChat.FakeLlm.Scripting;

namespace Benchmarks.Http;

/// <summary>
/// Authenticated reads through the whole ApiHost (JWT, session check against the user grain, rate-limiter
/// middleware, authorization against the resource, grain call, JSON) under wrk's load, side by side with the bare
/// authenticated endpoint of <see cref="BareApiServer"/>. ApiHost runs as shipped (Release, server GC, SQLite), with
/// only the per-user default rate limit turned off: one user at thousands of requests per second is the point.
/// </summary>
internal static class RestThroughput
{
    public const string Mode = "http";

    private const string SigningKey = "benchmark-signing-key-that-is-long-enough-for-hs256";
    private const int Connections = 64;
    private const int StoredMessages = 50;

    // A reply of a realistic size (about 60 words) so the message page weighs what a real one does.
    private static readonly string Reply = string.Join(" ", Enumerable.Repeat("The lantern light trembles on the water while we talk.", 6));

    public static async Task RunAsync(TimeSpan duration)
    {
        await using var llm = new FakeLlmServer();
        await llm.StartAsync();
        llm.Script(FakeReply.Text(Reply));
        var directory = Directory.CreateTempSubdirectory("chat-http-bench-");
        try
        {
            await using var api = await ServerProcess.StartAsync(ApiHostAssembly(), url => ApiHostArguments(url, directory.FullName, llm), "/health/ready");
            await using var bare = await ServerProcess.StartAsync(
                Assembly.GetEntryAssembly()!.Location, url => [BareApiServer.Mode, url.ToString(), SigningKey], BareApiServer.Path);
            using var client = new HttpClient { BaseAddress = api.Url };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignUpAsync(client));
            var conversationId = await FillConversationAsync(client);

            var targets = new (string Name, Uri Url)[]
            {
                ("bare authenticated minimal-API endpoint (baseline)", new Uri(bare.Url, BareApiServer.Path)),
                ("`GET /api/v1/characters` (3 characters)", new Uri(api.Url, "/api/v1/characters")),
                ($"`GET /api/v1/conversations/{{id}}/messages` ({StoredMessages} messages)", new Uri(api.Url, $"/api/v1/conversations/{conversationId}/messages?limit={StoredMessages}")),
            };
            var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
            var results = new List<(string Name, WrkResult Result)>();
            foreach (var (name, url) in targets)
            {
                await Wrk.RunAsync(url, token, Connections, TimeSpan.FromSeconds(3)); // warm-up: JIT, tiered compilation, pools
                var result = await Wrk.RunAsync(url, token, Connections, duration);
                if (result.Failures > 0)
                {
                    throw new InvalidOperationException($"{name}: {result.Failures} of {result.Requests} requests failed; the figures would be meaningless.");
                }

                results.Add((name, result));
            }

            var baseline = results[0].Result.RequestsPerSecond;
            Report.Table(
                $"Authenticated reads, wrk -t2 -c{Connections} -d{(int)duration.TotalSeconds}s on loopback",
                ["Route", "Requests/s", "p50", "p99", "vs baseline"],
                results.Select(r => new[]
                {
                    r.Name, Report.Number(r.Result.RequestsPerSecond), Milliseconds(r.Result.P50), Milliseconds(r.Result.P99),
                    Report.Fixed(r.Result.RequestsPerSecond / baseline) + "×",
                }));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static string Milliseconds(TimeSpan value) => Report.Fixed(value.TotalMilliseconds) + " ms";

    // Built with the benchmarks (a project reference), in the same configuration.
    private static string ApiHostAssembly() => Path.Combine(AppContext.BaseDirectory, "ApiHost.dll");

    private static IEnumerable<string> ApiHostArguments(Uri url, string directory, FakeLlmServer llm) =>
    [
        "--urls", url.ToString(),
        "--Auth:SigningKey", SigningKey,
        "--Storage:Sqlite:Path", Path.Combine(directory, "chat.db"),
        "--RateLimits:Default:PermitLimit", "0",
        "--RateLimits:SendMessage:PermitLimit", "0",
        "--Logging:LogLevel:Default", "Warning",
        "--Llm:DefaultModel", "ollama:qwen2.5:3b",
        "--Llm:Providers:ollama:BaseUrl", llm.BaseUrl.ToString(),
    ];

    /// <summary>Signs up an ordinary user (after the first account, which becomes the admin) and returns its access token.</summary>
    private static async Task<string> SignUpAsync(HttpClient client)
    {
        const string password = "Benchmark password 1";
        using var admin = await client.PostAsJsonAsync("/api/v1/auth/register", new { username = "admin", email = "admin@example.com", password });
        await EnsureSuccessAsync(admin);
        using var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { username = "bench", email = "bench@example.com", password });
        await EnsureSuccessAsync(registered);
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { login = "bench", password });
        await EnsureSuccessAsync(login);
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>A conversation with Lumina holding <see cref="StoredMessages"/> messages, half of them her replies.</summary>
    private static async Task<string> FillConversationAsync(HttpClient client)
    {
        using var created = await client.PostAsJsonAsync("/api/v1/conversations", new { characterIds = new[] { "lumina" }, maxAutoTurns = 0 });
        await EnsureSuccessAsync(created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        for (var i = 0; i < StoredMessages / 2; i++)
        {
            using var sent = await client.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { content = $"Tell me about the lanterns, part {i}.", characterIds = new[] { "lumina" } });
            await EnsureSuccessAsync(sent);
        }

        return id;
    }
}
