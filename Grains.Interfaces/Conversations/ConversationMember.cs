namespace LlmMultiChat.Grains.Conversations;

/// <summary>A participant of a conversation: a character or a human, by id and display name.</summary>
public sealed record ConversationMember(string Id, string Name);
