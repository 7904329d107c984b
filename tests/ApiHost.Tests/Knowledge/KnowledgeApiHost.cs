using LlmMultiChat.ApiHost.Tests.Infrastructure;

namespace LlmMultiChat.ApiHost.Tests.Knowledge;

/// <summary>One host on a real SQLite file for a test class, with an account of every role. Tests use fresh namespaces.</summary>
public sealed class KnowledgeApiHost : IAsyncLifetime, IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly Dictionary<string, TestUser> _users = new(StringComparer.Ordinal);

    internal ApiHostFactory Factory { get; private set; } = null!;

    internal HttpClient Anonymous { get; private set; } = null!;

    /// <summary>A client for a caller by role ("anonymous", "guest", "user", "operator", "premium", "admin").</summary>
    internal HttpClient Client(string role) => role == "anonymous" ? Anonymous : _users[role].Client;

    public async Task InitializeAsync()
    {
        Factory = new ApiHostFactory(_database.Settings(("RateLimits:MemorySearch:PermitLimit", "0")));
        var admin = await Factory.SignUpAsync("admin");
        _users["admin"] = admin;
        _users["user"] = await Factory.SignUpAsync("ursula");
        foreach (var (role, name) in new[] { ("guest", "gina"), ("operator", "opal"), ("premium", "pat") })
        {
            _users[role] = await Factory.SignUpWithRolesAsync(admin, name, role);
        }

        Anonymous = Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        foreach (var user in _users.Values)
        {
            user.Dispose();
        }

        Anonymous?.Dispose();
        await Factory.DisposeAsync();
    }

    /// <summary>After <see cref="DisposeAsync"/> (xunit calls both), so the host has let go of the file.</summary>
    public void Dispose() => _database.Dispose();

    /// <summary>A namespace no test has used.</summary>
    internal static string NewNamespace() => $"kb-{Guid.NewGuid():N}"[..24];
}
