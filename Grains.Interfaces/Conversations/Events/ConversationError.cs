using System.Text.Json.Serialization;

namespace LlmMultiChat.Grains.Conversations.Events;

/// <summary>Something went wrong with a reply (model unreachable, stream cut, timeout); the message says what.</summary>
public sealed record ConversationError(
    string ConversationId,
    long Seq,
    DateTimeOffset At,
    string Code,
    string Message,
    string? MessageId) : ConversationEvent(ConversationId, Seq, At)
{
    public const string TypeName = "error";

    [JsonIgnore]
    public override string Type => TypeName;
}
