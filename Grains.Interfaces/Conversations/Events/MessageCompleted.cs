using System.Text.Json.Serialization;

namespace LlmMultiChat.Grains.Conversations.Events;

/// <summary>A message is stored in its final form: a human message as sent, or a reply as it ended (see its status).</summary>
public sealed record MessageCompleted(
    string ConversationId,
    long Seq,
    DateTimeOffset At,
    ChatMessage Message) : ConversationEvent(ConversationId, Seq, At)
{
    public const string TypeName = "message_complete";

    [JsonIgnore]
    public override string Type => TypeName;
}
