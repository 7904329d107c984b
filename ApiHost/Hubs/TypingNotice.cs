namespace LlmMultiChat.ApiHost.Hubs;

/// <summary>Someone is typing in a conversation; <paramref name="Name"/> is their name there (as their messages show it).</summary>
public sealed record TypingNotice(string ConversationId, string UserId, string Name);
