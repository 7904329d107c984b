using LlmMultiChat.ApiHost.Tests.Infrastructure;

namespace LlmMultiChat.ApiHost.Tests.Accounts;

/// <summary>One host with an account per role, shared by the tests of a class (authorization matrices).</summary>
public sealed class AccountRoles : IAsyncLifetime
{
    private readonly ApiHosts _host = ApiHosts.Start();
    private int _next;

    internal ApiHostFactory Factory => _host.Factory;

    internal TestUser Admin { get; private set; } = null!;

    internal IReadOnlyDictionary<string, TestUser> ByName { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Admin = await Factory.SignUpAsync("admin");
        ByName = new Dictionary<string, TestUser>(StringComparer.Ordinal)
        {
            ["admin"] = Admin,
            ["operator"] = await Factory.SignUpWithRolesAsync(Admin, "olivia", "operator"),
            ["premium"] = await Factory.SignUpWithRolesAsync(Admin, "paula", "premium"),
            ["user"] = await Factory.SignUpAsync("ulrich"),
            ["guest"] = await Factory.SignUpWithRolesAsync(Admin, "gina", "guest"),
        };
    }

    /// <summary>A fresh account to act on (so a test that erases or deactivates it harms no other).</summary>
    internal Task<TestUser> NewTargetAsync() => Factory.SignUpAsync($"target{Interlocked.Increment(ref _next)}");

    /// <summary>The role's client, or an anonymous one for "anonymous" (the caller disposes that one).</summary>
    internal HttpClient ClientFor(string role) => role == "anonymous" ? Factory.CreateClient() : ByName[role].Client;

    public async Task DisposeAsync()
    {
        foreach (var user in ByName.Values)
        {
            user.Dispose();
        }

        await _host.DisposeAsync();
    }
}
