using System.Text.Json.Serialization;

namespace LlmMultiChat.Grains.Conversations.Events;

/// <summary>The next piece of a reply's text.</summary>
public sealed record MessageChunk(
    string ConversationId,
    long Seq,
    DateTimeOffset At,
    string MessageId,
    string Delta) : ConversationEvent(ConversationId, Seq, At)
{
    public const string TypeName = "message_chunk";

    [JsonIgnore]
    public override string Type => TypeName;
}
