using LlmMultiChat.Grains.Conversations;

namespace LlmMultiChat.Grains.Tests.Conversations.Support;

/// <summary>The memory log, counting the page reads made of it.</summary>
internal sealed class ReadCountingLog : IConversationLog
{
    private readonly MemoryConversationLog _inner = new();
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public Task<IReadOnlyList<ChatMessage>> ReadAsync(string conversationId, long? beforeIndex, int limit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return _inner.ReadAsync(conversationId, beforeIndex, limit, cancellationToken);
    }

    public Task AppendAsync(ChatMessage message, CancellationToken cancellationToken) => _inner.AppendAsync(message, cancellationToken);

    public Task CompleteAsync(ChatMessage message, CancellationToken cancellationToken) => _inner.CompleteAsync(message, cancellationToken);

    public Task<long> NextIndexAsync(string conversationId, CancellationToken cancellationToken) => _inner.NextIndexAsync(conversationId, cancellationToken);

    public Task<int> FailUnfinishedAsync(string conversationId, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        _inner.FailUnfinishedAsync(conversationId, reason, at, cancellationToken);

    public Task<ChatMessage?> FindAsync(string messageId, CancellationToken cancellationToken) => _inner.FindAsync(messageId, cancellationToken);

    public Task RateAsync(MessageFeedback feedback, CancellationToken cancellationToken) => _inner.RateAsync(feedback, cancellationToken);

    public Task<IReadOnlyList<MessageFeedback>> FeedbackAsync(string messageId, CancellationToken cancellationToken) => _inner.FeedbackAsync(messageId, cancellationToken);

    public Task DeleteAsync(string conversationId, CancellationToken cancellationToken) => _inner.DeleteAsync(conversationId, cancellationToken);

    public Task<IReadOnlyList<string>> ConversationsOfAsync(string userId, CancellationToken cancellationToken) => _inner.ConversationsOfAsync(userId, cancellationToken);

    public Task<IReadOnlyList<MessageFeedback>> FeedbackByAsync(string userId, CancellationToken cancellationToken) => _inner.FeedbackByAsync(userId, cancellationToken);

    public Task<int> EraseHumanAsync(string conversationId, string userId, CancellationToken cancellationToken) =>
        _inner.EraseHumanAsync(conversationId, userId, cancellationToken);
}
