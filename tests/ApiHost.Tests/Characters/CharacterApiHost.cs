using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Tests.Characters.Cards;
using Microsoft.Extensions.DependencyInjection;
using Silo;

namespace LlmMultiChat.ApiHost.Tests.Characters;

/// <summary>
/// One host on a real SQLite file for a test class, with an account of every kind. Tests make their own characters
/// (fresh ids), so they do not depend on each other's.
/// </summary>
public sealed class CharacterApiHost : IAsyncLifetime, IDisposable
{
    private readonly TempDatabase _database = new();
    private TestUser? _admin;
    private TestUser? _owner;
    private TestUser? _other;
    private TestUser? _operator;
    private TestUser? _guest;
    private HttpClient? _anonymous;

    internal ApiHostFactory Factory { get; private set; } = null!;

    /// <summary>The host's first account, so its admin.</summary>
    internal TestUser Admin => _admin!;

    /// <summary>A user who owns the characters the tests make.</summary>
    internal TestUser Owner => _owner!;

    /// <summary>A user who owns none of them.</summary>
    internal TestUser Other => _other!;

    internal TestUser Operator => _operator!;

    internal TestUser Guest => _guest!;

    internal HttpClient Anonymous => _anonymous!;

    internal IGrainFactory Grains => Factory.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        // Five sign-ups from one test client would use up the registration limit.
        Factory = new ApiHostFactory(_database.Settings(("RateLimits:Register:PermitLimit", "0")));
        _admin = await Factory.SignUpAsync("admin");
        _owner = await Factory.SignUpAsync("olivia");
        _other = await Factory.SignUpAsync("otto");
        _operator = await Factory.SignUpWithRolesAsync(Admin, "opal", "operator");
        _guest = await Factory.SignUpWithRolesAsync(Admin, "gina", "guest");
        _anonymous = Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        foreach (var client in new IDisposable?[] { _admin, _owner, _other, _operator, _guest, _anonymous })
        {
            client?.Dispose();
        }

        await Factory.DisposeAsync();
    }

    /// <summary>After <see cref="DisposeAsync"/> (xunit calls both), so the host has let go of the file.</summary>
    public void Dispose() => _database.Dispose();

    /// <summary>An id no test has used.</summary>
    internal static string NewId(string stem = "c") => $"{stem}-{Guid.NewGuid():N}"[..24];

    /// <summary>A character made directly on its grain (not through the routes under test), with an avatar.</summary>
    internal async Task<string> CharacterOfAsync(TestUser owner, CharacterVisibility visibility, string name = "テスト")
    {
        var id = NewId();
        var character = Grains.GetGrain<ICharacterGrain>(id);
        await character.Create(new Persona { Name = name }, owner.Id, visibility);
        await character.SetAvatar(TestPng.ImageWith(), owner.Id);
        return id;
    }

    internal Task<CharacterProfile?> ProfileAsync(string id) => Grains.GetGrain<ICharacterGrain>(id).Profile();
}
