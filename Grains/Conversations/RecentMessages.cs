namespace LlmMultiChat.Grains.Conversations;

/// <summary>
/// The newest messages of a conversation as its log holds them (replies being written included), kept by the
/// conversation's activation so the pages clients read most (the latest ones) need no database read. The grain
/// applies each log write here once the log has taken it, in the same order; the window holds a contiguous run of
/// indexes ending at the newest message.
/// </summary>
internal sealed class RecentMessages(int capacity)
{
    private readonly List<ChatMessage> _messages = [];

    /// <summary>Starts from the log's newest messages (oldest first), as read at activation.</summary>
    public void Load(IEnumerable<ChatMessage> newest)
    {
        _messages.Clear();
        foreach (var message in newest)
        {
            Add(message);
        }
    }

    public void Add(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _messages.Add(message);
        if (_messages.Count > capacity)
        {
            _messages.RemoveRange(0, _messages.Count - capacity);
        }
    }

    /// <summary>Puts a message's final form in place of its earlier one (no-op once it has left the window).</summary>
    public void Replace(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var at = _messages.FindLastIndex(m => m.Index == message.Index);
        if (at >= 0)
        {
            _messages[at] = message;
        }
    }

    public void Clear() => _messages.Clear();

    /// <summary>
    /// The page <see cref="IConversationLog.ReadAsync"/> would give, when the window holds all of it: either it has
    /// <paramref name="limit"/> messages before <paramref name="beforeIndex"/>, or it reaches back to the first
    /// message of the conversation (indexes start at 0 without gaps). Null when the log must be read.
    /// </summary>
    public IReadOnlyList<ChatMessage>? TryRead(long? beforeIndex, int limit)
    {
        var before = beforeIndex ?? long.MaxValue;
        var end = _messages.Count;
        while (end > 0 && _messages[end - 1].Index >= before)
        {
            end--;
        }

        var start = Math.Max(0, end - limit);
        var holdsAll = end - start == limit || _messages.Count == 0 || _messages[0].Index == 0;
        return holdsAll ? _messages.GetRange(start, end - start) : null;
    }
}
