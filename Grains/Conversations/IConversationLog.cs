namespace LlmMultiChat.Grains.Conversations;

/// <summary>
/// The append-only message log of conversations, a table the conversation grain owns (only the grain of a
/// conversation writes its rows). A reply is appended when it starts and completed once when it ends; writes of one
/// conversation are applied in the order they are made. Implementations: memory, SQLite (Grains.Storage).
/// </summary>
public interface IConversationLog
{
    Task AppendAsync(ChatMessage message, CancellationToken cancellationToken);

    /// <summary>Replaces a message's content, status, completion time, error and usage (its final form).</summary>
    Task CompleteAsync(ChatMessage message, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> messages before <paramref name="beforeIndex"/> (the newest ones), oldest first.</summary>
    Task<IReadOnlyList<ChatMessage>> ReadAsync(string conversationId, long? beforeIndex, int limit, CancellationToken cancellationToken);

    /// <summary>The index the next message gets (0 for a new conversation).</summary>
    Task<long> NextIndexAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Marks replies left Streaming (the process stopped mid-reply) as Failed; returns how many.</summary>
    Task<int> FailUnfinishedAsync(string conversationId, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The message with this id in any conversation (message ids do not name their conversation), or null.</summary>
    Task<ChatMessage?> FindAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Stores a rating; it replaces the same user's earlier rating of the same message.</summary>
    Task RateAsync(MessageFeedback feedback, CancellationToken cancellationToken);

    /// <summary>The ratings of one message, one per user, ordered by user id.</summary>
    Task<IReadOnlyList<MessageFeedback>> FeedbackAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Deletes a conversation's messages and their feedback.</summary>
    Task DeleteAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The conversations the user said something in or rated a reply of, whether or not they are still in them; ordered by id.</summary>
    Task<IReadOnlyList<string>> ConversationsOfAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Every rating the user made, in any conversation, oldest first.</summary>
    Task<IReadOnlyList<MessageFeedback>> FeedbackByAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Redacts a human from a conversation: their messages get <see cref="ErasedHuman"/> as speaker and empty content,
    /// the characters' replies in the turns they started (up to the next human message) get empty content, and their
    /// ratings there are deleted. Rows keep their index. Returns how many messages were redacted.
    /// </summary>
    Task<int> EraseHumanAsync(string conversationId, string userId, CancellationToken cancellationToken);
}
