using LlmMultiChat.FakeLlm;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Conversations.Events;
using LlmMultiChat.Grains.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Silo.Streams;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Conversations.Support;

/// <summary>
/// A test silo with the chat grains, the three upstream characters and a fake LLM server on loopback (real HTTP,
/// real Ollama and OpenAI protocols). The silo (and the LLM gateway's timeouts) run on a manual clock; the fake's
/// token pacing runs on the real one.
/// </summary>
internal sealed class ConversationHarness : IAsyncDisposable
{
    public const string Alice = "alice";

    private ConversationHarness(FakeLlmServer llm, TestSilo silo)
    {
        Llm = llm;
        Silo = silo;
    }

    public FakeLlmServer Llm { get; }

    public TestSilo Silo { get; }

    public ManualTimeProvider Time => Silo.Time;

    /// <param name="settings">Configuration on top of the defaults (fake LLM providers, no retries).</param>
    public static async Task<ConversationHarness> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        IRandomSource? random = null,
        double tokensPerSecond = 0,
        IConversationLog? log = null)
    {
        var llm = new FakeLlmServer(new FakeLlmServerOptions { TokensPerSecond = tokensPerSecond });
        await llm.StartAsync();
        var configuration = new Dictionary<string, string?>
        {
            ["Llm:DefaultModel"] = "ollama:qwen2.5:3b",
            ["Llm:Providers:ollama:BaseUrl"] = llm.BaseUrl.ToString(),
            ["Llm:Providers:openai:BaseUrl"] = llm.OpenAiBaseUrl.ToString(),
            ["Llm:Providers:openai:ApiKey"] = "test-key",
            ["Llm:Retry:MaxRetries"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var config = new ConfigurationBuilder().AddInMemoryCollection(configuration).Build();
        var silo = await TestSilo.StartAsync(
            b => b.AddGrains(typeof(ChatSessionGrain).Assembly),
            services =>
            {
                if (log is not null)
                {
                    services.AddSingleton(log);
                }

                services.AddChatGrains(config);
                if (random is not null)
                {
                    services.AddSingleton(random);
                }
            });
        await UpstreamCharacters.SeedAsync(silo.GrainFactory);
        return new ConversationHarness(llm, silo);
    }

    public IChatSessionGrain Conversation(string id) => Silo.GetGrain<IChatSessionGrain>(id);

    /// <summary>Opens accounts (user id = username), for what grains keep of existing accounts only (style, interests). Start with a low Auth:PasswordHashIterations.</summary>
    public async Task CreateAccountsAsync(params string[] usernames)
    {
        foreach (var username in usernames)
        {
            await Silo.GetGrain<IUserGrain>(username).Create(new NewAccount(username, $"{username}@example.com", "Correct-horse-1", [Roles.User]));
        }
    }

    public Task<ConversationInfo> CreateAsync(string id, IReadOnlyList<string> characterIds, TurnPolicy policy = TurnPolicy.Natural, int maxAutoTurns = 3) =>
        Conversation(id).Create(new ConversationSpec(new ConversationMember(Alice, "アリス"), characterIds, Policy: policy, MaxAutoTurns: maxAutoTurns));

    /// <summary>Sends a message and collects the turn's events until its complete_state.</summary>
    public async Task<Turn> SendAsync(string conversationId, string text, IReadOnlyList<string>? characterIds = null, string userId = Alice)
    {
        var afterSeq = (await Conversation(conversationId).Info())!.LastSeq;
        var human = await Conversation(conversationId).Send(userId, text, characterIds);
        return await CollectTurnAsync(conversationId, afterSeq, human);
    }

    public async Task<Turn> CollectTurnAsync(string conversationId, long afterSeq, ChatMessage human)
    {
        var events = new List<ConversationEvent>();
        await foreach (var @event in Events(conversationId, afterSeq).WithCancellation(CancellationToken.None))
        {
            events.Add(@event);
            if (@event is TurnCompleted done && done.HumanMessageId == human.Id)
            {
                break;
            }
        }

        return new Turn(human, events);
    }

    /// <summary>Follows the conversation's events after a sequence number (replay, then live).</summary>
    public IAsyncEnumerable<ConversationEvent> Events(string conversationId, long afterSeq, CancellationToken cancellationToken = default) =>
        ConversationEventReader.ReadAsync(
            Silo.GrainFactory,
            Silo.Services.GetRequiredKeyedService<IStreamProvider>(ConversationStreams.Provider),
            conversationId,
            afterSeq,
            Time,
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Llm.DisposeAsync();
    }

    /// <summary>The events of one turn, with views the tests ask for.</summary>
    public sealed record Turn(ChatMessage Human, IReadOnlyList<ConversationEvent> Events)
    {
        public IReadOnlyList<ChatMessage> Replies =>
        [
            .. Events.OfType<MessageCompleted>().Select(e => e.Message).Where(m => m.SpeakerKind == SpeakerKind.Character),
        ];

        public IReadOnlyList<string> Speakers => [.. Replies.Select(r => r.SpeakerId)];

        public TurnCompleted Completed => Events.OfType<TurnCompleted>().Single(t => t.HumanMessageId == Human.Id);

        public IReadOnlyList<ConversationError> Errors => [.. Events.OfType<ConversationError>()];

        /// <summary>The chunks of one reply, joined.</summary>
        public string Streamed(string messageId) => string.Concat(Events.OfType<MessageChunk>().Where(c => c.MessageId == messageId).Select(c => c.Delta));
    }
}
