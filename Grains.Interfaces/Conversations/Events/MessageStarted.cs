using System.Text.Json.Serialization;

namespace LlmMultiChat.Grains.Conversations.Events;

/// <summary>A character started a reply; chunks follow.</summary>
public sealed record MessageStarted(
    string ConversationId,
    long Seq,
    DateTimeOffset At,
    string MessageId,
    long Index,
    SpeakerKind SpeakerKind,
    string SpeakerId,
    string SpeakerName) : ConversationEvent(ConversationId, Seq, At)
{
    public const string TypeName = "message_start";

    [JsonIgnore]
    public override string Type => TypeName;
}
