using System.Text.Json.Serialization;

namespace LlmMultiChat.Grains.Conversations.Events;

/// <summary>
/// The messages <paramref name="FirstIndex"/>..<paramref name="LastIndex"/> were summarised into the mid-term memory
/// of the humans who took part (readable as their memory <paramref name="SummaryId"/>, through the memories API).
/// </summary>
public sealed record ThreadSummarized(
    string ConversationId,
    long Seq,
    DateTimeOffset At,
    string SummaryId,
    long FirstIndex,
    long LastIndex) : ConversationEvent(ConversationId, Seq, At)
{
    public const string TypeName = "thread_summarized";

    [JsonIgnore]
    public override string Type => TypeName;
}
