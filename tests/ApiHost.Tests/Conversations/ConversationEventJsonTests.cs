using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Conversations.Events;

namespace LlmMultiChat.ApiHost.Tests.Conversations;

/// <summary>Every conversation event in the API's JSON (SSE data, SignalR): its type once, as the discriminator, and camelCase fields.</summary>
public sealed class ConversationEventJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<ConversationEvent> Events { get; } =
    [
        new MessageStarted("c1", 1, At, "m1", 0, SpeakerKind.Character, "lumina", "ルミナ"),
        new MessageChunk("c1", 2, At, "m1", "こん"),
        new Thinking("c1", 3, At, "m1", "hmm"),
        new ToolCall("c1", 4, At, "m1", "t1", "search", "{}"),
        new ToolResult("c1", 5, At, "m1", "t1", "[]"),
        new MessageCompleted("c1", 6, At, new ChatMessage("m1", "c1", 0, SpeakerKind.Character, "lumina", "ルミナ", "こんにちは", MessageStatus.Complete, At)),
        new TurnCompleted("c1", 7, At, "h1", TurnEndReason.MaxAutoTurns, ["m1"]),
        new ConversationError("c1", 8, At, "llm_timeout", "too slow", "m1"),
        new ResyncRequired("c1", 9, At, 2),
        new EmotionChanged("c1", 10, At, "lumina", new Dictionary<string, double> { ["joy"] = 0.9, ["sadness"] = 0.1 }, "joy"),
        new LevelUp("c1", 11, At, "lumina", 5, ["advanced_search"]),
        new ThreadSummarized("c1", 12, At, "s1", 0, 11),
    ];

    [Fact]
    public void The_samples_cover_every_event_type()
    {
        var declared = typeof(ConversationEvent).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType);

        Assert.Equal(declared.OrderBy(t => t.Name), Events.Cast<object[]>().Select(row => row[0].GetType()).OrderBy(t => t.Name));
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void An_event_serializes_with_its_type_once_and_camel_case_fields_and_reads_back(ConversationEvent @event)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);

        var json = JsonSerializer.Serialize(@event, options);

        using var document = JsonDocument.Parse(json);
        var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal("type", names[0]);
        Assert.Equal(@event.Type, document.RootElement.GetProperty("type").GetString());
        Assert.Single(names, n => n.Equals("type", StringComparison.OrdinalIgnoreCase));
        Assert.Subset(names.ToHashSet(), new HashSet<string> { "conversationId", "seq", "at" });
        Assert.Equal(("c1", @event.Seq), (document.RootElement.GetProperty("conversationId").GetString(), document.RootElement.GetProperty("seq").GetInt64()));
        var read = JsonSerializer.Deserialize<ConversationEvent>(json, options)!;
        Assert.Equal((@event.GetType(), json), (read.GetType(), JsonSerializer.Serialize(read, options)));
    }
}
