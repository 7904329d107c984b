using System.Collections.Concurrent;

namespace Silo.Reminders;

/// <summary>Reminders in process memory (tests and development): they do not survive a restart.</summary>
public sealed class MemoryReminderTable : IReminderTable
{
    private readonly ConcurrentDictionary<(GrainId, string), ReminderEntry> _entries = new();

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _entries.Values]);

    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _entries.Values.Where(e => e.GrainId == grainId)]);

    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken) =>
        Task.FromResult(_entries.GetValueOrDefault((grainId, name)));

    public Task<ReminderEntry> UpsertAsync(GrainId grainId, string name, DateTimeOffset startAt, TimeSpan period, CancellationToken cancellationToken)
    {
        var entry = new ReminderEntry(grainId, name, startAt, period, Guid.NewGuid().ToString("N"));
        _entries[(grainId, name)] = entry;
        return Task.FromResult(entry);
    }

    public Task<bool> RemoveAsync(GrainId grainId, string name, string etag, CancellationToken cancellationToken) =>
        Task.FromResult(_entries.TryGetValue((grainId, name), out var entry)
            && entry.ETag == etag
            && _entries.TryRemove(new KeyValuePair<(GrainId, string), ReminderEntry>((grainId, name), entry)));
}
