using LlmMultiChat.Grains.Conversations;

namespace LlmMultiChat.ApiHost.Conversations;

/// <param name="Messages">Oldest first.</param>
/// <param name="HasMore">Older messages exist: ask again with <c>before</c> = the first message's index.</param>
public sealed record MessagePageResponse(IReadOnlyList<ChatMessage> Messages, bool HasMore);
