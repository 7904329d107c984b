using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using LlmMultiChat.FakeLlm;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Silo;

namespace LlmMultiChat.ApiHost.Tests.Infrastructure;

/// <summary>
/// The real ApiHost on its own SQLite file, talking to a fake LLM server on loopback (real Ollama protocol), with
/// its admin signed up first (the first account of a host is admin), so the accounts a test signs up are users.
/// </summary>
internal sealed class ChatTestHost : IAsyncDisposable
{
    private readonly TempDatabase _database;

    private ChatTestHost(FakeLlmServer llm, TempDatabase database, ApiHostFactory factory, TestUser admin)
    {
        Llm = llm;
        _database = database;
        Factory = factory;
        Admin = admin;
    }

    public FakeLlmServer Llm { get; }

    public ApiHostFactory Factory { get; }

    public TestUser Admin { get; }

    /// <summary>Where a Kestrel-served host listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri KestrelAddress => new(Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    public IGrainFactory Grains => Factory.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The host's SQLite file, to read directly once the host is stopped.</summary>
    public string DatabasePath => _database.Path;

    /// <param name="settings">Host settings on top of the test defaults and the fake LLM's.</param>
    public static Task<ChatTestHost> StartAsync(params (string Key, string? Value)[] settings) => StartAsync(settings, configureServices: null);

    /// <param name="settings">Host settings on top of the test defaults and the fake LLM's.</param>
    /// <param name="configureServices">Replaces host services (e.g. the clock).</param>
    /// <param name="tokensPerSecond">The fake LLM's default pace; 0 answers at once.</param>
    /// <param name="onKestrel">Serve on Kestrel at a loopback port (for clients outside this process) instead of a TestServer.</param>
    public static async Task<ChatTestHost> StartAsync(
        (string Key, string? Value)[] settings,
        Action<IServiceCollection>? configureServices,
        double tokensPerSecond = 0,
        bool onKestrel = false)
    {
        var llm = new FakeLlmServer(new FakeLlmServerOptions { TokensPerSecond = tokensPerSecond });
        await llm.StartAsync();
        var database = new TempDatabase();
        var factory = new ApiHostFactory(
            database.Settings(
            [
                ("Llm:DefaultModel", "ollama:qwen2.5:3b"),
                ("Llm:Providers:ollama:BaseUrl", llm.BaseUrl.ToString()),
                ("Llm:Retry:MaxRetries", "0"),
                .. settings,
            ]),
            configureServices);
        if (onKestrel)
        {
            factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }

        var admin = await factory.SignUpAsync("admin");
        return new ChatTestHost(llm, database, factory, admin);
    }

    public Task<TestUser> SignUpAsync(string username) => Factory.SignUpAsync(username);

    public Task<HubTestClient> ConnectAsync(TestUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return HubTestClient.ConnectAsync(Factory, user.AccessToken);
    }

    public IChatSessionGrain Conversation(string id) => Grains.GetGrain<IChatSessionGrain>(id);

    /// <summary>A conversation of <paramref name="owner"/> with Lumina, made through the grain.</summary>
    public async Task<string> CreateConversationAsync(TestUser owner, TurnPolicy policy = TurnPolicy.Natural)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var id = "c-" + Guid.NewGuid().ToString("N");
        await Conversation(id).Create(new ConversationSpec(new ConversationMember(owner.Id, owner.Username), [UpstreamCharacters.LuminaId], Policy: policy));
        return id;
    }

    public async Task AddHumanAsync(string conversationId, TestUser human)
    {
        ArgumentNullException.ThrowIfNull(human);
        await Conversation(conversationId).AddHuman(new ConversationMember(human.Id, human.Username));
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Factory.DisposeAsync();
        _database.Dispose();
        await Llm.DisposeAsync();
    }
}
