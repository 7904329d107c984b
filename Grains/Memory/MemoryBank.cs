using System.Numerics.Tensors;

namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// What one character keeps of its users — long-term memories and lessons — each user's in a section of its own,
/// loaded when that user is first needed (<see cref="Load"/>), so no search over one user's memories can ever
/// return another's and a character with many users holds only those it talks to. Every change is recorded until
/// <see cref="TakeChanges"/> hands it to storage. Not thread-safe: the owning grain's turns are single-threaded.
/// </summary>
public sealed class MemoryBank(LongTermMemoryOptions options)
{
    private readonly Dictionary<string, Section> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LongTermMemory> _savedMemories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MemoryRowKey> _deletedMemories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lesson> _savedLessons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MemoryRowKey> _deletedLessons = new(StringComparer.Ordinal);

    public bool IsLoaded(string userId) => _users.ContainsKey(userId);

    /// <summary>Every memory of the loaded users.</summary>
    public IEnumerable<LongTermMemory> All => _users.Values.SelectMany(s => s.Memories.Values);

    public bool HasChanges => _savedMemories.Count > 0 || _deletedMemories.Count > 0 || _savedLessons.Count > 0 || _deletedLessons.Count > 0;

    /// <summary>Takes in a user's stored memories and lessons (already in the current embedder's space); nothing is recorded as changed.</summary>
    /// <exception cref="InvalidOperationException">The user is loaded already.</exception>
    public void Load(string userId, UserMemories stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!_users.TryAdd(userId, new Section()))
        {
            throw new InvalidOperationException($"The memories of {userId} are loaded already.");
        }

        var section = _users[userId];
        foreach (var memory in stored.Memories)
        {
            section.Put(memory);
        }

        section.Lessons.AddRange(stored.Lessons);
    }

    /// <summary>The user's memories, newest first.</summary>
    public IReadOnlyList<LongTermMemory> MemoriesOf(string userId) =>
        [.. Loaded(userId).Memories.Values.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id, StringComparer.Ordinal)];

    public IReadOnlyList<Lesson> LessonsOf(string userId) => [.. Loaded(userId).Lessons];

    /// <summary>Keeps (or replaces) the memory; when its user then has more than the cap, drops the least important (the oldest at equal importance).</summary>
    public void Add(LongTermMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var section = Loaded(memory.UserId);
        section.Put(memory);
        Saved(memory);
        if (section.Memories.Count > options.MaxPerUser)
        {
            Delete(section, section.Memories.Values.OrderBy(m => m.Importance).ThenBy(m => m.CreatedAt).First());
        }
    }

    /// <summary>Forgets one of the user's memories; false when the user has none with this id.</summary>
    public bool Forget(string userId, string memoryId)
    {
        var section = Loaded(userId);
        if (!section.Memories.TryGetValue(memoryId, out var memory))
        {
            return false;
        }

        Delete(section, memory);
        return true;
    }

    /// <summary>Forgets everything kept of the user (memories and lessons); returns how many rows went.</summary>
    public int ForgetUser(string userId)
    {
        var section = Loaded(userId);
        var count = section.Memories.Count + section.Lessons.Count;
        foreach (var memory in section.Memories.Values.ToList())
        {
            Delete(section, memory);
        }

        foreach (var lesson in section.Lessons)
        {
            _savedLessons.Remove(lesson.Id);
            _deletedLessons[lesson.Id] = new MemoryRowKey(userId, lesson.Id);
        }

        section.Lessons.Clear();
        return count;
    }

    /// <summary>
    /// The user's memories at least <see cref="LongTermMemoryOptions.MinRelevance"/> similar to the query, ranked by
    /// relevance, importance and recency (weights in the options), best first.
    /// </summary>
    public IReadOnlyList<(LongTermMemory Memory, double Relevance, double Score)> Recall(string userId, float[] query, int count, DateTimeOffset now) =>
        Search(userId, query, count, 0, now).Ranked;

    /// <summary>
    /// One scan of the user's memories answering two questions: the <paramref name="ranked"/> best by relevance,
    /// importance and recency (as <see cref="Recall"/>), and the <paramref name="similar"/> most similar, most
    /// similar first (novelty and contradictions read those). A reply asks both; one pass over 100,000 vectors is half
    /// the time of two.
    /// </summary>
    public (IReadOnlyList<(LongTermMemory Memory, double Relevance, double Score)> Ranked, IReadOnlyList<(LongTermMemory Memory, double Similarity)> Similar) Search(
        string userId, float[] query, int ranked, int similar, DateTimeOffset now)
    {
        var section = Loaded(userId);
        if (section.Index is not { Count: > 0 } index || (ranked == 0 && similar == 0))
        {
            return ([], []);
        }

        var scores = System.Buffers.ArrayPool<float>.Shared.Rent(index.Count);
        try
        {
            index.ScoreAll(query, scores);
            var best = new PriorityQueue<int, double>(ranked + 1);
            var nearest = new PriorityQueue<int, float>(similar + 1);
            for (var row = 0; row < index.Count; row++)
            {
                Offer(nearest, similar, row, scores[row]);
                if (ranked > 0 && scores[row] >= options.MinRelevance)
                {
                    var memory = section.Memories[index.KeyAt(row)];
                    Offer(best, ranked, row, Score(memory, scores[row], now));
                }
            }

            var rankedRows = Drain(best);
            var similarRows = Drain(nearest);
            return (
                [.. rankedRows.Select(row => (section.Memories[index.KeyAt(row)], (double)scores[row], Score(section.Memories[index.KeyAt(row)], scores[row], now)))],
                [.. similarRows.Select(row => (section.Memories[index.KeyAt(row)], (double)scores[row]))]);
        }
        finally
        {
            System.Buffers.ArrayPool<float>.Shared.Return(scores);
        }
    }

    private double Score(LongTermMemory memory, float relevance, DateTimeOffset now)
    {
        var recency = Math.Pow(0.5, Math.Max(0, (now - memory.CreatedAt) / options.RecencyHalfLife));
        return (options.RelevanceWeight * relevance) + (options.ImportanceWeight * memory.Importance) + (options.RecencyWeight * recency);
    }

    /// <summary>Keeps the <paramref name="capacity"/> highest priorities in a min-heap (its root is the one to drop).</summary>
    private static void Offer<TPriority>(PriorityQueue<int, TPriority> heap, int capacity, int row, TPriority priority)
        where TPriority : IComparable<TPriority>
    {
        if (capacity == 0)
        {
            return;
        }

        if (heap.Count < capacity)
        {
            heap.Enqueue(row, priority);
        }
        else if (heap.TryPeek(out _, out var worst) && priority.CompareTo(worst) > 0)
        {
            heap.DequeueEnqueue(row, priority);
        }
    }

    /// <summary>The heap's rows, highest priority first.</summary>
    private static int[] Drain<TPriority>(PriorityQueue<int, TPriority> heap)
    {
        var rows = new int[heap.Count];
        for (var i = rows.Length - 1; i >= 0; i--)
        {
            rows[i] = heap.Dequeue();
        }

        return rows;
    }

    /// <summary>
    /// Forgets the least important of the user's unconsolidated memories, keeping the top
    /// <see cref="LongTermMemoryOptions.ConsolidationKeeps"/> (rounded up; the newer first at equal importance), and
    /// marks those kept consolidated. Returns how many were forgotten.
    /// </summary>
    public int Consolidate(string userId)
    {
        var section = Loaded(userId);
        var pending = section.Memories.Values.Where(m => !m.Consolidated)
            .OrderByDescending(m => m.Importance).ThenByDescending(m => m.CreatedAt).ToList();
        var keep = (int)Math.Ceiling(pending.Count * options.ConsolidationKeeps);
        foreach (var kept in pending.Take(keep))
        {
            var consolidated = kept with { Consolidated = true };
            section.Put(consolidated);
            Saved(consolidated);
        }

        foreach (var forgotten in pending.Skip(keep))
        {
            Delete(section, forgotten);
        }

        return pending.Count - keep;
    }

    /// <summary>Keeps the lesson; beyond <see cref="LongTermMemoryOptions.LessonsPerUser"/> for its user the oldest goes.</summary>
    public void Add(Lesson lesson)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        var lessons = Loaded(lesson.UserId).Lessons;
        lessons.Add(lesson);
        _savedLessons[lesson.Id] = lesson;
        _deletedLessons.Remove(lesson.Id);
        if (lessons.Count > options.LessonsPerUser)
        {
            var oldest = lessons.MinBy(l => l.CreatedAt)!;
            lessons.Remove(oldest);
            _savedLessons.Remove(oldest.Id);
            _deletedLessons[oldest.Id] = new MemoryRowKey(oldest.UserId, oldest.Id);
        }
    }

    /// <summary>The user's lessons drawn in situations most similar to <paramref name="vector"/>, best first.</summary>
    public IReadOnlyList<(Lesson Lesson, double Relevance)> Lessons(string userId, float[] vector, int count) =>
    [
        .. Loaded(userId).Lessons.Where(l => l.Vector.Length == vector.Length)
            .Select(l => (l, (double)TensorPrimitives.Dot(l.Vector, vector)))
            .OrderByDescending(l => l.Item2).ThenByDescending(l => l.l.CreatedAt)
            .Take(count),
    ];

    /// <summary>The changes since the last call, for storage; they are no longer recorded here.</summary>
    public MemoryChanges TakeChanges()
    {
        var changes = new MemoryChanges([.. _savedMemories.Values], [.. _deletedMemories.Values], [.. _savedLessons.Values], [.. _deletedLessons.Values]);
        _savedMemories.Clear();
        _deletedMemories.Clear();
        _savedLessons.Clear();
        _deletedLessons.Clear();
        return changes;
    }

    /// <summary>Records changes that could not be stored again, under any made since (a newer change to the same row wins).</summary>
    public void Restore(MemoryChanges unsaved)
    {
        ArgumentNullException.ThrowIfNull(unsaved);
        foreach (var memory in unsaved.SavedMemories.Where(m => !_deletedMemories.ContainsKey(m.Id)))
        {
            _savedMemories.TryAdd(memory.Id, memory);
        }

        foreach (var key in unsaved.DeletedMemories.Where(k => !_savedMemories.ContainsKey(k.Id)))
        {
            _deletedMemories.TryAdd(key.Id, key);
        }

        foreach (var lesson in unsaved.SavedLessons.Where(l => !_deletedLessons.ContainsKey(l.Id)))
        {
            _savedLessons.TryAdd(lesson.Id, lesson);
        }

        foreach (var key in unsaved.DeletedLessons.Where(k => !_savedLessons.ContainsKey(k.Id)))
        {
            _deletedLessons.TryAdd(key.Id, key);
        }
    }

    private Section Loaded(string userId) =>
        _users.TryGetValue(userId, out var section) ? section : throw new InvalidOperationException($"The memories of {userId} are not loaded.");

    private void Saved(LongTermMemory memory)
    {
        _savedMemories[memory.Id] = memory;
        _deletedMemories.Remove(memory.Id);
    }

    private void Delete(Section section, LongTermMemory memory)
    {
        section.Remove(memory.Id);
        _savedMemories.Remove(memory.Id);
        _deletedMemories[memory.Id] = new MemoryRowKey(memory.UserId, memory.Id);
    }

    /// <summary>One user's memories with their vector index (created with the first memory, sized by its vector), and lessons.</summary>
    private sealed class Section
    {
        public Dictionary<string, LongTermMemory> Memories { get; } = new(StringComparer.Ordinal);

        public VectorIndex<string>? Index { get; private set; }

        public List<Lesson> Lessons { get; } = [];

        public void Put(LongTermMemory memory)
        {
            Index ??= new VectorIndex<string>(memory.Vector.Length);
            Index.Set(memory.Id, memory.Vector);
            Memories[memory.Id] = memory;
        }

        public void Remove(string id)
        {
            Index?.Remove(id);
            Memories.Remove(id);
        }
    }
}
