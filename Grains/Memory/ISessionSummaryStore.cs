namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// The mid-term tier's table: thread summaries, each kept for the users who took part in it. Conversation grains
/// write it when they flush a thread; user grains read it to recall what was said with that user; the memory and
/// account APIs list and erase a user's rows. Implementations: memory, SQLite (Grains.Storage).
/// </summary>
public interface ISessionSummaryStore
{
    /// <exception cref="ArgumentException">The summary has no user.</exception>
    Task AddAsync(SessionSummary summary, CancellationToken cancellationToken);

    /// <summary>The summary with this id, as kept for <paramref name="userId"/>; null when there is none or the user did not take part.</summary>
    Task<SessionSummary?> FindAsync(string id, string userId, CancellationToken cancellationToken);

    /// <summary>The summaries kept for the user created at or after <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<SessionSummary>> ForUserAsync(string userId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets the summary for one user (a user deleting one of their memories): the others who took part keep it;
    /// the row goes with its last user. False when the user had no such summary.
    /// </summary>
    Task<bool> ForgetAsync(string id, string userId, CancellationToken cancellationToken);

    /// <summary>Erases every summary the user took part in, for everyone (what they said is in it); returns how many.</summary>
    Task<int> EraseUserAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Deletes a conversation's summaries (the conversation is deleted); returns how many.</summary>
    Task<int> DeleteConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Deletes the summaries created before <paramref name="cutoff"/> (past retention); returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
