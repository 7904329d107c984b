namespace LlmMultiChat.Grains.Conversations;

/// <summary>One message of a conversation's log (append-only; a reply's row is completed when it ends).</summary>
public sealed record ChatMessage(
    string Id,
    string ConversationId,
    long Index,
    SpeakerKind SpeakerKind,
    string SpeakerId,
    string SpeakerName,
    string Content,
    MessageStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt = null,
    string? Error = null,
    ReplyUsage? Usage = null);
