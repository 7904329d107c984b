using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Conversations.Events;

namespace LlmMultiChat.ApiHost.Tests.Http;

public sealed class ConversationEventJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    private static readonly ChatMessage Message = new("m1", "c1", 0, SpeakerKind.Human, "u1", "alice", "hi", MessageStatus.Complete, At, At);

    /// <summary>One of every event type.</summary>
    private static readonly ConversationEvent[] Samples =
    [
        new MessageStarted("c1", 1, At, "m2", 1, SpeakerKind.Character, "lumina", "ルミナ"),
        new MessageChunk("c1", 2, At, "m2", "Hello"),
        new Thinking("c1", 3, At, "m2", "hmm"),
        new ToolCall("c1", 4, At, "m2", "call-1", "search", "{}"),
        new ToolResult("c1", 5, At, "m2", "call-1", "[]"),
        new MessageCompleted("c1", 6, At, Message),
        new TurnCompleted("c1", 7, At, "m1", TurnEndReason.Done, ["m2"]),
        new ConversationError("c1", 8, At, "llm_timeout", "The model took too long.", "m2"),
        new ResyncRequired("c1", 9, At, 0),
    ];

    [Fact]
    public void The_samples_cover_every_event_type()
    {
        var declared = typeof(ConversationEvent).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType);

        Assert.Equal(declared.OrderBy(t => t.Name), Samples.Select(s => s.GetType()).OrderBy(t => t.Name));
    }

    [Fact]
    public void Every_event_serializes_as_an_object_that_starts_with_its_event_name_as_type()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        foreach (var sample in Samples)
        {
            using var json = JsonDocument.Parse(JsonSerializer.Serialize(sample, options));

            var properties = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal("type", properties[0]);
            Assert.Single(properties, name => name == "type");
            Assert.Subset(properties.ToHashSet(), new HashSet<string> { "conversationId", "seq", "at" });
            Assert.Equal(sample.Type, json.RootElement.GetProperty("type").GetString());
            Assert.Equal(sample.Seq, json.RootElement.GetProperty("seq").GetInt64());
        }
    }
}
