using System.Text.Json.Serialization;

namespace LlmMultiChat.Grains.Conversations.Events;

/// <summary>
/// Something that happened in a conversation. Every event carries the conversation, a sequence number (1, 2, 3 ...
/// per conversation, never reused, also across restarts) and when it happened. Serialized with a "type"
/// discriminator whose values are the seed's event names.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MessageStarted), MessageStarted.TypeName)]
[JsonDerivedType(typeof(MessageChunk), MessageChunk.TypeName)]
[JsonDerivedType(typeof(Thinking), Thinking.TypeName)]
[JsonDerivedType(typeof(ToolCall), ToolCall.TypeName)]
[JsonDerivedType(typeof(ToolResult), ToolResult.TypeName)]
[JsonDerivedType(typeof(MessageCompleted), MessageCompleted.TypeName)]
[JsonDerivedType(typeof(TurnCompleted), TurnCompleted.TypeName)]
[JsonDerivedType(typeof(ConversationError), ConversationError.TypeName)]
[JsonDerivedType(typeof(ResyncRequired), ResyncRequired.TypeName)]
[JsonDerivedType(typeof(EmotionChanged), EmotionChanged.TypeName)]
[JsonDerivedType(typeof(LevelUp), LevelUp.TypeName)]
[JsonDerivedType(typeof(ThreadSummarized), ThreadSummarized.TypeName)]
public abstract record ConversationEvent(string ConversationId, long Seq, DateTimeOffset At)
{
    /// <summary>
    /// The event's type name (also its "type" in JSON, and the SSE event name). Every override repeats [JsonIgnore]:
    /// the serializer reads the attribute from the most derived property only, and a camelCase "type" property would
    /// clash with the discriminator.
    /// </summary>
    [JsonIgnore]
    public abstract string Type { get; }
}
