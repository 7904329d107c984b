using LlmMultiChat.Grains.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Silo.Storage;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Users;

/// <summary>A test silo with every grain and the account services, on a manual clock.</summary>
internal sealed class AccountHarness : IAsyncDisposable
{
    public const string Password = "Correct-horse-1";

    private AccountHarness(TestSilo silo) => Silo = silo;

    public TestSilo Silo { get; }

    public ManualTimeProvider Time => Silo.Time;

    public AccountService Accounts => Silo.Services.GetRequiredService<AccountService>();

    public IUserDirectoryGrain Directory => Silo.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key);

    /// <param name="settings">Configuration on top of a cheap password hash (the iteration count is a setting).</param>
    /// <param name="storage">Replaces the default grain storage (to make writes fail).</param>
    public static async Task<AccountHarness> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, IGrainStorage? storage = null)
    {
        var configuration = new Dictionary<string, string?> { ["Auth:PasswordHashIterations"] = "1000" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var config = new ConfigurationBuilder().AddInMemoryCollection(configuration).Build();
        var silo = await TestSilo.StartAsync(
            b => b.AddGrains(typeof(UserGrain).Assembly),
            services =>
            {
                if (storage is not null)
                {
                    // Registered after the test silo's memory storage, so it is the "Default" store grains get.
                    services.AddKeyedSingleton("Default", storage);
                }

                services.AddChatGrains(config);
            });
        return new AccountHarness(silo);
    }

    public IUserGrain User(string id) => Silo.GetGrain<IUserGrain>(id);

    /// <summary>Registers an account and returns it (the first one becomes admin).</summary>
    public async Task<UserProfile> RegisterAsync(string username, string? email = null, string password = Password)
    {
        var result = await Accounts.RegisterAsync(username, email ?? $"{username}@example.com", password);
        return result.User ?? throw new InvalidOperationException($"Registering {username} failed: {result.Claim}.");
    }

    public async Task<OpenSession> LoginAsync(string login, string password = Password)
    {
        var result = await Accounts.LoginAsync(login, password);
        Assert.Equal(SessionOutcome.Opened, result.Outcome);
        return result.Session!;
    }

    public ValueTask DisposeAsync() => Silo.DisposeAsync();
}
