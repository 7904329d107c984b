namespace LlmMultiChat.Grains.Conversations;

/// <summary>One human's rating of one character reply; a user has at most one per message (the latest).</summary>
/// <param name="CharacterId">The character that wrote the reply, so its ratings can be counted without reading messages.</param>
public sealed record MessageFeedback(
    string MessageId,
    string ConversationId,
    string CharacterId,
    string UserId,
    FeedbackRating Rating,
    DateTimeOffset RatedAt);
