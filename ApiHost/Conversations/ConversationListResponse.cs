using LlmMultiChat.Grains.Conversations;

namespace LlmMultiChat.ApiHost.Conversations;

/// <param name="Conversations">Those the caller owns or takes part in, newest first.</param>
public sealed record ConversationListResponse(IReadOnlyList<ConversationInfo> Conversations);
