namespace LlmMultiChat.Grains.Memory;

/// <summary>The mid-term tier's table in process memory (tests, and Storage:Provider=memory).</summary>
public sealed class MemorySessionSummaryStore : ISessionSummaryStore
{
    private readonly Lock _lock = new();

    /// <summary>Summary id → the summary, its <see cref="SessionSummary.UserIds"/> being the users who still keep it.</summary>
    private readonly Dictionary<string, SessionSummary> _summaries = new(StringComparer.Ordinal);

    public Task AddAsync(SessionSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.UserIds.Count == 0)
        {
            throw new ArgumentException($"Summary {summary.Id} is kept for nobody.", nameof(summary));
        }

        lock (_lock)
        {
            if (!_summaries.TryAdd(summary.Id, summary))
            {
                throw new InvalidOperationException($"Summary {summary.Id} already exists.");
            }
        }

        return Task.CompletedTask;
    }

    public Task<SessionSummary?> FindAsync(string id, string userId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_summaries.GetValueOrDefault(id) is { } summary && summary.UserIds.Contains(userId) ? summary : null);
        }
    }

    public Task<IReadOnlyList<SessionSummary>> ForUserAsync(string userId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<SessionSummary>>(
                [.. _summaries.Values.Where(s => s.CreatedAt >= since && s.UserIds.Contains(userId)).OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id, StringComparer.Ordinal)]);
        }
    }

    public Task<bool> ForgetAsync(string id, string userId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_summaries.GetValueOrDefault(id) is not { } summary || !summary.UserIds.Contains(userId))
            {
                return Task.FromResult(false);
            }

            var keptFor = summary.UserIds.Where(u => u != userId).ToList();
            if (keptFor.Count == 0)
            {
                _summaries.Remove(id);
            }
            else
            {
                _summaries[id] = summary with { UserIds = keptFor };
            }

            return Task.FromResult(true);
        }
    }

    public Task<int> EraseUserAsync(string userId, CancellationToken cancellationToken) =>
        RemoveWhere(s => s.UserIds.Contains(userId));

    public Task<int> DeleteConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        RemoveWhere(s => s.ConversationId == conversationId);

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        RemoveWhere(s => s.CreatedAt < cutoff);

    private Task<int> RemoveWhere(Func<SessionSummary, bool> doomed)
    {
        lock (_lock)
        {
            var ids = _summaries.Values.Where(doomed).Select(s => s.Id).ToList();
            ids.ForEach(id => _summaries.Remove(id));
            return Task.FromResult(ids.Count);
        }
    }
}
