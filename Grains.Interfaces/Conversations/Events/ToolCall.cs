using System.Text.Json.Serialization;

namespace LlmMultiChat.Grains.Conversations.Events;

/// <summary>A character called a tool (the plugins issue emits these).</summary>
public sealed record ToolCall(
    string ConversationId,
    long Seq,
    DateTimeOffset At,
    string MessageId,
    string CallId,
    string ToolName,
    string ArgumentsJson) : ConversationEvent(ConversationId, Seq, At)
{
    public const string TypeName = "tool_call";

    [JsonIgnore]
    public override string Type => TypeName;
}
