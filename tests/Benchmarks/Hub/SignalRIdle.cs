using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmarks.Hub;

/// <summary>
/// What an idle SignalR connection to /hubs/chat costs the server: the real ApiHost on Kestrel (loopback, SQLite in
/// a temp directory, fixed signing key), one registered user, and N raw WebSocket connections from a child process
/// (negotiated and handshaken; then every one joined to one conversation). Managed heap and working set of this
/// process are measured after a forced full collection, before and after, and divided by N.
/// </summary>
internal static class SignalRIdle
{
    public const int TargetBytesPerConnection = 64 * 1024;

    private const string Password = "Benchmark-horse-1";
    private const int WarmUpConnections = 50;

    public static async Task RunAsync(int connections)
    {
        var directory = Path.Combine(Path.GetTempPath(), "hub-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            await using var host = new ApiHostOnKestrel(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "sqlite",
                ["Storage:Sqlite:Path"] = Path.Combine(directory, "chat.db"),
                ["Auth:SigningKey"] = "benchmark-signing-key-that-is-long-enough-for-hs256",
            });
            var server = host.Start();
            var (userId, accessToken) = await SignUpAsync(server);
            var conversationId = "hub-bench";
            await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IChatSessionGrain>(conversationId)
                .Create(new ConversationSpec(new ConversationMember(userId, "bench"), [UpstreamCharacters.LuminaId]));

            // JIT, pools and first-use caches on the whole path, so they are not counted per connection.
            await using (var warmUp = IdleClientsProcess.Start(server, accessToken, WarmUpConnections, conversationId))
            {
                await warmUp.ExpectAsync("connected");
                await warmUp.SendAsync("join");
                await warmUp.ExpectAsync("joined");
            }

            var baseline = Measure();
            var clock = Stopwatch.StartNew();
            await using var clients = IdleClientsProcess.Start(server, accessToken, connections, conversationId);
            await clients.ExpectAsync("connected");
            var opened = clock.Elapsed;
            var connected = Measure();
            await clients.SendAsync("join");
            await clients.ExpectAsync("joined");
            var joined = Measure();
            Report.Table(
                $"Idle SignalR connections to /hubs/chat ({connections:N0} connections, opened in {Report.Fixed(opened.TotalSeconds, 1)} s; server process only)",
                ["", "managed heap per connection", "working set per connection", "target", "working set / target"],
                [Row("handshaken, not joined", connected - baseline, connections), Row("joined to one conversation", joined - baseline, connections)]);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string[] Row(string state, Usage delta, int connections)
    {
        var heap = delta.ManagedHeap / (double)connections;
        var workingSet = delta.WorkingSet / (double)connections;
        return [state, $"{Report.Fixed(heap / 1024, 1)} KB", $"{Report.Fixed(workingSet / 1024, 1)} KB", $"{TargetBytesPerConnection / 1024} KB", Report.Fixed(workingSet / TargetBytesPerConnection, 2)];
    }

    private static async Task<(string UserId, string AccessToken)> SignUpAsync(Uri server)
    {
        using var http = new HttpClient { BaseAddress = server };
        using var registered = await http.PostAsJsonAsync("api/v1/auth/register", new { username = "bench", email = "bench@example.com", password = Password });
        registered.EnsureSuccessStatusCode();
        using var loggedIn = await http.PostAsJsonAsync("api/v1/auth/login", new { login = "bench", password = Password });
        loggedIn.EnsureSuccessStatusCode();
        var tokens = await loggedIn.Content.ReadFromJsonAsync<JsonElement>();
        return (tokens.GetProperty("user").GetProperty("id").GetString()!, tokens.GetProperty("accessToken").GetString()!);
    }

    private static Usage Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return new Usage(GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }
}
