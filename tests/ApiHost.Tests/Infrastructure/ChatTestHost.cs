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

    public IGrainFactory Grains => Factory.Services.GetRequiredService<IGrainFactory>();

    /// <param name="settings">Host settings on top of the test defaults and the fake LLM's.</param>
    public static async Task<ChatTestHost> StartAsync(params (string Key, string? Value)[] settings)
    {
        var llm = new FakeLlmServer();
        await llm.StartAsync();
        var database = new TempDatabase();
        var factory = new ApiHostFactory(database.Settings(
        [
            ("Llm:DefaultModel", "ollama:qwen2.5:3b"),
            ("Llm:Providers:ollama:BaseUrl", llm.BaseUrl.ToString()),
            ("Llm:Retry:MaxRetries", "0"),
            .. settings,
        ]));
        var admin = await factory.SignUpAsync("root");
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
