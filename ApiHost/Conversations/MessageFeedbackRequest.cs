using LlmMultiChat.Grains.Conversations;

namespace LlmMultiChat.ApiHost.Conversations;

/// <param name="Rating">"up" or "down"; it replaces the caller's earlier rating of the message.</param>
public sealed record MessageFeedbackRequest(FeedbackRating Rating);
