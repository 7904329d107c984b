using System.Numerics.Tensors;

namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// The long-term memories one character keeps, each user's in an index of its own, so no search over one user's
/// memories can ever return another's. Not thread-safe: the owning grain's turns are single-threaded.
/// </summary>
public sealed class MemoryBank
{
    private readonly Dictionary<string, LongTermMemory> _memories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VectorIndex<string>> _indexes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Lesson>> _lessons = new(StringComparer.Ordinal);
    private readonly LongTermMemoryOptions _options;

    public MemoryBank(IEnumerable<LongTermMemory> memories, IEnumerable<Lesson> lessons, LongTermMemoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(memories);
        ArgumentNullException.ThrowIfNull(lessons);
        _options = options;
        foreach (var memory in memories)
        {
            Add(memory);
        }

        foreach (var lesson in lessons)
        {
            Add(lesson);
        }
    }

    public IReadOnlyCollection<LongTermMemory> All => _memories.Values;

    public IEnumerable<Lesson> AllLessons => _lessons.Values.SelectMany(l => l);

    /// <summary>The user's <paramref name="count"/> memories most similar to <paramref name="vector"/>, oldest first (what a contradiction check reads).</summary>
    public IReadOnlyList<LongTermMemory> MostSimilar(string userId, float[] vector, int count) =>
        _indexes.TryGetValue(userId, out var index)
            ? [.. index.Search(vector, count).Select(m => _memories[m.Key]).OrderBy(m => m.CreatedAt)]
            : [];

    /// <summary>
    /// Forgets the least important of the user's unconsolidated memories, keeping the top
    /// <see cref="LongTermMemoryOptions.ConsolidationKeeps"/> (rounded up; the newer first at equal importance), and
    /// marks those kept consolidated. Returns how many were forgotten.
    /// </summary>
    public int Consolidate(string userId)
    {
        var pending = _memories.Values.Where(m => m.UserId == userId && !m.Consolidated)
            .OrderByDescending(m => m.Importance).ThenByDescending(m => m.CreatedAt).ToList();
        var keep = (int)Math.Ceiling(pending.Count * _options.ConsolidationKeeps);
        foreach (var kept in pending.Take(keep))
        {
            _memories[kept.Id] = kept with { Consolidated = true };
        }

        foreach (var forgotten in pending.Skip(keep))
        {
            _indexes[userId].Remove(forgotten.Id);
            _memories.Remove(forgotten.Id);
        }

        return pending.Count - keep;
    }

    /// <summary>Keeps the lesson; beyond <see cref="LongTermMemoryOptions.LessonsPerUser"/> for its user the oldest goes.</summary>
    public void Add(Lesson lesson)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        if (!_lessons.TryGetValue(lesson.UserId, out var lessons))
        {
            lessons = [];
            _lessons.Add(lesson.UserId, lessons);
        }

        lessons.Add(lesson);
        if (lessons.Count > _options.LessonsPerUser)
        {
            lessons.Remove(lessons.MinBy(l => l.CreatedAt)!);
        }
    }

    /// <summary>The user's lessons drawn in situations most similar to <paramref name="vector"/>, best first.</summary>
    public IReadOnlyList<(Lesson Lesson, double Relevance)> Lessons(string userId, float[] vector, int count) =>
        _lessons.TryGetValue(userId, out var lessons)
            ? [.. lessons.Where(l => l.Vector.Length == vector.Length)
                .Select(l => (l, (double)TensorPrimitives.Dot(l.Vector, vector)))
                .OrderByDescending(l => l.Item2).ThenByDescending(l => l.l.CreatedAt)
                .Take(count)]
            : [];

    /// <summary>The similarities of the user's <paramref name="count"/> memories nearest to <paramref name="vector"/>, best first.</summary>
    public IEnumerable<float> Nearest(string userId, float[] vector, int count) =>
        _indexes.TryGetValue(userId, out var index) ? index.Search(vector, count).Select(m => m.Score) : [];

    /// <summary>Keeps the memory; when its user then has more than the cap, drops the least important (the oldest at equal importance).</summary>
    public void Add(LongTermMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        if (!_indexes.TryGetValue(memory.UserId, out var index))
        {
            index = new VectorIndex<string>(memory.Vector.Length);
            _indexes.Add(memory.UserId, index);
        }

        index.Set(memory.Id, memory.Vector);
        _memories[memory.Id] = memory;
        if (index.Count > _options.MaxPerUser)
        {
            var weakest = _memories.Values.Where(m => m.UserId == memory.UserId).OrderBy(m => m.Importance).ThenBy(m => m.CreatedAt).First();
            index.Remove(weakest.Id);
            _memories.Remove(weakest.Id);
        }
    }

    /// <summary>Drops the memory's vector; a user's index goes with their last memory.</summary>
    private void RemoveFromIndex(LongTermMemory memory)
    {
        var index = _indexes[memory.UserId];
        index.Remove(memory.Id);
        if (index.Count == 0)
        {
            _indexes.Remove(memory.UserId);
        }
    }

    /// <summary>Every memory of the user, newest first.</summary>
    public IReadOnlyList<LongTermMemory> Of(string userId) =>
        [.. _memories.Values.Where(m => m.UserId == userId).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id, StringComparer.Ordinal)];

    /// <summary>Removes the memory when it is <paramref name="userId"/>'s; false when there is no such memory of that user.</summary>
    public bool Remove(string userId, string memoryId)
    {
        if (!_memories.TryGetValue(memoryId, out var memory) || memory.UserId != userId)
        {
            return false;
        }

        _memories.Remove(memoryId);
        RemoveFromIndex(memory);
        return true;
    }

    /// <summary>Removes every memory and lesson of the user; returns how many in all.</summary>
    public int RemoveUser(string userId)
    {
        var ids = _memories.Values.Where(m => m.UserId == userId).Select(m => m.Id).ToList();
        ids.ForEach(id => _memories.Remove(id));
        _indexes.Remove(userId);
        return ids.Count + (_lessons.Remove(userId, out var lessons) ? lessons.Count : 0);
    }

    /// <summary>
    /// The user's memories at least <see cref="LongTermMemoryOptions.MinRelevance"/> similar to the query, ranked by
    /// relevance, importance and recency (weights in the options), best first.
    /// </summary>
    public IReadOnlyList<(LongTermMemory Memory, double Relevance, double Score)> Recall(string userId, float[] query, int count, DateTimeOffset now)
    {
        if (!_indexes.TryGetValue(userId, out var index))
        {
            return [];
        }

        return index.Search(query, index.Count, (float)_options.MinRelevance)
            .Select(match =>
            {
                var memory = _memories[match.Key];
                var recency = Math.Pow(0.5, Math.Max(0, (now - memory.CreatedAt) / _options.RecencyHalfLife));
                var score = (_options.RelevanceWeight * match.Score) + (_options.ImportanceWeight * memory.Importance) + (_options.RecencyWeight * recency);
                return (memory, (double)match.Score, score);
            })
            .OrderByDescending(r => r.score)
            .Take(count)
            .ToList();
    }
}
