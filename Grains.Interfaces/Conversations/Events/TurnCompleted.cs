using System.Text.Json.Serialization;

namespace LlmMultiChat.Grains.Conversations.Events;

/// <summary>The turn is over and the conversation is idle until the next human message ("complete_state").</summary>
public sealed record TurnCompleted(
    string ConversationId,
    long Seq,
    DateTimeOffset At,
    string HumanMessageId,
    TurnEndReason Reason,
    IReadOnlyList<string> ReplyIds) : ConversationEvent(ConversationId, Seq, At)
{
    public const string TypeName = "complete_state";

    [JsonIgnore]
    public override string Type => TypeName;
}
