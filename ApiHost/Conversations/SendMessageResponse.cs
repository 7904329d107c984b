using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Conversations.Events;

namespace LlmMultiChat.ApiHost.Conversations;

/// <summary>A sent message and its turn once over: the replies in the order they were written, and why the turn ended.</summary>
public sealed record SendMessageResponse(ChatMessage Message, IReadOnlyList<ChatMessage> Replies, TurnEndReason Reason);
