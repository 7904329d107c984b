using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LlmMultiChat.FakeLlm;

namespace Benchmarks.Http;

/// <summary>
/// ApiHost as shipped (Release, server GC, SQLite in a temporary directory) in its own process, pointed at the fake
/// LLM server, with an ordinary signed-in user. Only the per-user request limits are turned off: one user at
/// thousands of requests per second is what the benchmarks do on purpose.
/// </summary>
internal sealed class ApiUnderTest : IAsyncDisposable
{
    public const string SigningKey = "benchmark-signing-key-that-is-long-enough-for-hs256";
    public const string CharacterId = "lumina";

    private readonly ServerProcess _server;
    private readonly DirectoryInfo _directory;

    private ApiUnderTest(ServerProcess server, DirectoryInfo directory, HttpClient client)
    {
        _server = server;
        _directory = directory;
        Client = client;
    }

    public Uri Url => _server.Url;

    /// <summary>The server's SQLite file.</summary>
    public string DatabasePath => Path.Combine(_directory.FullName, "chat.db");

    /// <summary>Carries the user's bearer token.</summary>
    public HttpClient Client { get; }

    public string AccessToken => Client.DefaultRequestHeaders.Authorization!.Parameter!;

    public static async Task<ApiUnderTest> StartAsync(FakeLlmServer llm)
    {
        var directory = Directory.CreateTempSubdirectory("chat-http-bench-");
        ServerProcess? server = null;
        try
        {
            // Built with the benchmarks (a project reference), in the same configuration.
            server = await ServerProcess.StartAsync(Path.Combine(AppContext.BaseDirectory, "ApiHost.dll"), url => Arguments(url, directory.FullName, llm), "/health/ready");
            var client = new HttpClient { BaseAddress = server.Url };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignUpAsync(client));
            return new ApiUnderTest(server, directory, client);
        }
        catch
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            directory.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>A new conversation with <see cref="CharacterId"/> only; returns its id.</summary>
    public async Task<string> CreateConversationAsync()
    {
        using var created = await Client.PostAsJsonAsync("/api/v1/conversations", new { characterIds = new[] { CharacterId }, maxAutoTurns = 0 });
        await EnsureSuccessAsync(created);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Sends a message and waits for the character's reply (<c>POST …/messages</c>).</summary>
    public async Task SendAsync(string conversationId, string content)
    {
        using var sent = await Client.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { content, characterIds = new[] { CharacterId } });
        await EnsureSuccessAsync(sent);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    public static async Task EnsureSuccessAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static IEnumerable<string> Arguments(Uri url, string directory, FakeLlmServer llm) =>
    [
        "--urls", url.ToString(),
        "--Auth:SigningKey", SigningKey,
        "--Storage:Sqlite:Path", Path.Combine(directory, "chat.db"),
        "--RateLimits:Default:PermitLimit", "0",
        "--RateLimits:SendMessage:PermitLimit", "0",
        "--RateLimits:Stream:PermitLimit", "0",
        "--Logging:LogLevel:Default", "Warning",
        "--Llm:DefaultModel", "ollama:qwen2.5:3b",
        "--Llm:Providers:ollama:BaseUrl", llm.BaseUrl.ToString(),
    ];

    /// <summary>Signs up an ordinary user (after the first account, which becomes the admin) and returns its access token.</summary>
    private static async Task<string> SignUpAsync(HttpClient client)
    {
        const string password = "Benchmark password 1";
        foreach (var name in new[] { "admin", "bench" })
        {
            using var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { username = name, email = $"{name}@example.com", password });
            await EnsureSuccessAsync(registered);
        }

        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { login = "bench", password });
        await EnsureSuccessAsync(login);
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }
}
