namespace Silo.Reminders;

/// <summary>Durable storage of reminders (memory, SQLite, and PostgreSQL in cluster mode).</summary>
public interface IReminderTable
{
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken);

    Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces a reminder; returns it with its new ETag.</summary>
    Task<ReminderEntry> UpsertAsync(GrainId grainId, string name, DateTimeOffset startAt, TimeSpan period, CancellationToken cancellationToken);

    /// <summary>Removes the reminder if its ETag still matches; false when it changed or is gone.</summary>
    Task<bool> RemoveAsync(GrainId grainId, string name, string etag, CancellationToken cancellationToken);
}
