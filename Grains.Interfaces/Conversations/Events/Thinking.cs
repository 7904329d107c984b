using System.Text.Json.Serialization;

namespace LlmMultiChat.Grains.Conversations.Events;

/// <summary>Reasoning text the model produced before its answer (shown apart, never stored in the message).</summary>
public sealed record Thinking(
    string ConversationId,
    long Seq,
    DateTimeOffset At,
    string MessageId,
    string Delta) : ConversationEvent(ConversationId, Seq, At)
{
    public const string TypeName = "thinking";

    [JsonIgnore]
    public override string Type => TypeName;
}
