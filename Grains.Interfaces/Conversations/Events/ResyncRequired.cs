using System.Text.Json.Serialization;

namespace LlmMultiChat.Grains.Conversations.Events;

/// <summary>
/// Sent to a resuming subscriber when some events after its sequence number can no longer be replayed (too old,
/// or the conversation restarted): reload the messages, then continue with the events that follow. Not stored in
/// the conversation's buffer; its <see cref="ConversationEvent.Seq"/> is the last sequence number issued.
/// </summary>
public sealed record ResyncRequired(string ConversationId, long Seq, DateTimeOffset At, long AfterSeq) : ConversationEvent(ConversationId, Seq, At)
{
    public const string TypeName = "resync";

    [JsonIgnore]
    public override string Type => TypeName;
}
