namespace LlmMultiChat.Grains.Memory;

/// <summary>The long-term tier's tables in process memory (tests, and Storage:Provider=memory).</summary>
public sealed class MemoryCharacterMemoryStore : ICharacterMemoryStore
{
    private readonly Lock _lock = new();

    /// <summary>Character id → row id → row (memories and lessons share the id space: both are version-7 GUIDs).</summary>
    private readonly Dictionary<string, Dictionary<string, LongTermMemory>> _memories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, Lesson>> _lessons = new(StringComparer.Ordinal);

    public Task<UserMemories> ReadAsync(string characterId, string userId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(new UserMemories(
                [.. Rows(_memories, characterId).Where(m => m.UserId == userId).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id, StringComparer.Ordinal)],
                [.. Rows(_lessons, characterId).Where(l => l.UserId == userId).OrderBy(l => l.CreatedAt).ThenBy(l => l.Id, StringComparer.Ordinal)]));
        }
    }

    public Task SaveAsync(string characterId, MemoryChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_lock)
        {
            Apply(_memories, characterId, changes.SavedMemories, m => m.Id, changes.DeletedMemories);
            Apply(_lessons, characterId, changes.SavedLessons, l => l.Id, changes.DeletedLessons);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> CharactersKeepingAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<string>>(
            [
                .. _memories.Where(c => c.Value.Values.Any(m => m.UserId == userId)).Select(c => c.Key)
                    .Union(_lessons.Where(c => c.Value.Values.Any(l => l.UserId == userId)).Select(c => c.Key), StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal),
            ]);
        }
    }

    public Task DeleteCharacterAsync(string characterId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _memories.Remove(characterId);
            _lessons.Remove(characterId);
        }

        return Task.CompletedTask;
    }

    private static List<T> Rows<T>(Dictionary<string, Dictionary<string, T>> table, string characterId) =>
        table.TryGetValue(characterId, out var rows) ? [.. rows.Values] : [];

    private static void Apply<T>(Dictionary<string, Dictionary<string, T>> table, string characterId, IReadOnlyList<T> saved, Func<T, string> id, IReadOnlyList<MemoryRowKey> deleted)
    {
        if (!table.TryGetValue(characterId, out var rows))
        {
            rows = new Dictionary<string, T>(StringComparer.Ordinal);
            table.Add(characterId, rows);
        }

        foreach (var row in saved)
        {
            rows[id(row)] = row;
        }

        foreach (var gone in deleted)
        {
            rows.Remove(gone.Id);
        }
    }
}
