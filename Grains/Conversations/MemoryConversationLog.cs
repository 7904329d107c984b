using System.Collections.Concurrent;

namespace LlmMultiChat.Grains.Conversations;

/// <summary>The message log in process memory (tests, and Storage:Provider=memory).</summary>
public sealed class MemoryConversationLog : IConversationLog
{
    private readonly ConcurrentDictionary<string, SortedList<long, ChatMessage>> _conversations = new(StringComparer.Ordinal);

    /// <summary>Message id → user id → rating.</summary>
    private readonly ConcurrentDictionary<string, SortedList<string, MessageFeedback>> _feedback = new(StringComparer.Ordinal);

    public Task AppendAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var log = _conversations.GetOrAdd(message.ConversationId, static _ => []);
        lock (log)
        {
            if (!log.TryAdd(message.Index, message))
            {
                throw new InvalidOperationException($"Message {message.Index} of conversation {message.ConversationId} already exists.");
            }
        }

        return Task.CompletedTask;
    }

    public Task CompleteAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var log = _conversations.GetValueOrDefault(message.ConversationId)
            ?? throw new KeyNotFoundException($"Conversation {message.ConversationId} has no messages.");
        lock (log)
        {
            if (!log.TryGetValue(message.Index, out var existing) || existing.Id != message.Id)
            {
                throw new KeyNotFoundException($"Message {message.Id} is not in conversation {message.ConversationId}.");
            }

            log[message.Index] = message;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ChatMessage>> ReadAsync(string conversationId, long? beforeIndex, int limit, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(conversationId, out var log))
        {
            return Task.FromResult<IReadOnlyList<ChatMessage>>([]);
        }

        lock (log)
        {
            var before = beforeIndex ?? long.MaxValue;
            return Task.FromResult<IReadOnlyList<ChatMessage>>([.. log.Values.Where(m => m.Index < before).TakeLast(limit)]);
        }
    }

    public Task<long> NextIndexAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(conversationId, out var log))
        {
            return Task.FromResult(0L);
        }

        lock (log)
        {
            return Task.FromResult(log.Count == 0 ? 0 : log.Keys[^1] + 1);
        }
    }

    public Task<int> FailUnfinishedAsync(string conversationId, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(conversationId, out var log))
        {
            return Task.FromResult(0);
        }

        lock (log)
        {
            var unfinished = log.Values.Where(m => m.Status == MessageStatus.Streaming).ToList();
            foreach (var message in unfinished)
            {
                log[message.Index] = message with { Status = MessageStatus.Failed, Error = reason, CompletedAt = at };
            }

            return Task.FromResult(unfinished.Count);
        }
    }

    public Task<ChatMessage?> FindAsync(string messageId, CancellationToken cancellationToken)
    {
        foreach (var log in _conversations.Values)
        {
            lock (log)
            {
                if (log.Values.FirstOrDefault(m => m.Id == messageId) is { } message)
                {
                    return Task.FromResult<ChatMessage?>(message);
                }
            }
        }

        return Task.FromResult<ChatMessage?>(null);
    }

    public Task RateAsync(MessageFeedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var ratings = _feedback.GetOrAdd(feedback.MessageId, static _ => new SortedList<string, MessageFeedback>(StringComparer.Ordinal));
        lock (ratings)
        {
            ratings[feedback.UserId] = feedback;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<MessageFeedback>> FeedbackAsync(string messageId, CancellationToken cancellationToken)
    {
        if (!_feedback.TryGetValue(messageId, out var ratings))
        {
            return Task.FromResult<IReadOnlyList<MessageFeedback>>([]);
        }

        lock (ratings)
        {
            return Task.FromResult<IReadOnlyList<MessageFeedback>>([.. ratings.Values]);
        }
    }

    public Task DeleteAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (_conversations.TryRemove(conversationId, out var log))
        {
            lock (log)
            {
                foreach (var message in log.Values)
                {
                    _feedback.TryRemove(message.Id, out _);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ConversationsOfAsync(string userId, CancellationToken cancellationToken)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (conversationId, log) in _conversations)
        {
            lock (log)
            {
                if (log.Values.Any(m => IsSaidBy(m, userId)))
                {
                    ids.Add(conversationId);
                }
            }
        }

        ids.UnionWith(FeedbackBy(userId).Select(f => f.ConversationId));
        return Task.FromResult<IReadOnlyList<string>>([.. ids]);
    }

    public Task<IReadOnlyList<MessageFeedback>> FeedbackByAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MessageFeedback>>([.. FeedbackBy(userId).OrderBy(f => f.RatedAt).ThenBy(f => f.MessageId, StringComparer.Ordinal)]);

    public Task<int> EraseHumanAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        foreach (var ratings in _feedback.Values)
        {
            lock (ratings)
            {
                if (ratings.TryGetValue(userId, out var rating) && rating.ConversationId == conversationId)
                {
                    ratings.Remove(userId);
                }
            }
        }

        if (!_conversations.TryGetValue(conversationId, out var log))
        {
            return Task.FromResult(0);
        }

        lock (log)
        {
            var redacted = 0;
            var inTheirTurn = false;
            foreach (var message in log.Values.ToList())
            {
                if (message.SpeakerKind == SpeakerKind.Human)
                {
                    inTheirTurn = message.SpeakerId == userId;
                }

                if (IsSaidBy(message, userId))
                {
                    log[message.Index] = message with { SpeakerId = ErasedHuman.Id, SpeakerName = ErasedHuman.Name, Content = string.Empty };
                    redacted++;
                }
                else if (inTheirTurn && message.SpeakerKind == SpeakerKind.Character)
                {
                    log[message.Index] = message with { Content = string.Empty };
                    redacted++;
                }
            }

            return Task.FromResult(redacted);
        }
    }

    private static bool IsSaidBy(ChatMessage message, string userId) => message.SpeakerKind == SpeakerKind.Human && message.SpeakerId == userId;

    private List<MessageFeedback> FeedbackBy(string userId)
    {
        var found = new List<MessageFeedback>();
        foreach (var ratings in _feedback.Values)
        {
            lock (ratings)
            {
                if (ratings.TryGetValue(userId, out var rating))
                {
                    found.Add(rating);
                }
            }
        }

        return found;
    }
}
