using System.Text.Json.Serialization;

namespace LlmMultiChat.Grains.Conversations.Events;

/// <summary>A tool's answer to a <see cref="ToolCall"/>.</summary>
public sealed record ToolResult(
    string ConversationId,
    long Seq,
    DateTimeOffset At,
    string MessageId,
    string CallId,
    string ResultJson) : ConversationEvent(ConversationId, Seq, At)
{
    public const string TypeName = "tool_result";

    [JsonIgnore]
    public override string Type => TypeName;
}
