using System.Numerics.Tensors;

namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// Exact top-k cosine search over one owner's vectors (a character's memories). Vectors are stored normalized in
/// one contiguous block (no object per vector), so a query is one SIMD dot product per row and a linear scan:
/// fine for 100,000 vectors of 256 dimensions (docs/benchmarks.md §4). Not thread-safe: the owning grain's turns
/// are single-threaded.
/// </summary>
public sealed class VectorIndex<TKey>
    where TKey : notnull
{
    /// <summary>Lower score first; at equal score the later row first, so earlier rows win ties.</summary>
    private static readonly Comparer<(float Score, int Row)> s_worstFirst = Comparer<(float Score, int Row)>.Create(
        (x, y) => x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Row.CompareTo(x.Row));

    private readonly Dictionary<TKey, int> _rows = [];
    private float[] _block;
    private TKey[] _keys;

    public VectorIndex(int dimensions, int capacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Dimensions = dimensions;
        _block = new float[checked(dimensions * capacity)];
        _keys = new TKey[capacity];
    }

    public int Dimensions { get; }

    public int Count { get; private set; }

    /// <summary>Adds the vector (a normalized copy of it) under <paramref name="key"/>, replacing any vector already there.</summary>
    public void Set(TKey key, ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"The vector has {vector.Length} dimensions; this index holds {Dimensions}.", nameof(vector));
        }

        if (!_rows.TryGetValue(key, out var row))
        {
            row = Count;
            if (row == _keys.Length)
            {
                Grow();
            }

            _rows.Add(key, row);
            _keys[row] = key;
            Count++;
        }

        var target = Row(row);
        vector.CopyTo(target);
        VectorMath.Normalize(target);
    }

    /// <summary>Removes the vector under <paramref name="key"/>; the last row moves into its place.</summary>
    public bool Remove(TKey key)
    {
        if (!_rows.Remove(key, out var row))
        {
            return false;
        }

        var last = Count - 1;
        if (row != last)
        {
            Row(last).CopyTo(Row(row));
            _keys[row] = _keys[last];
            _rows[_keys[row]] = row;
        }

        _keys[last] = default!;
        Count--;
        return true;
    }

    public bool Contains(TKey key) => _rows.ContainsKey(key);

    /// <summary>
    /// The <paramref name="count"/> vectors most similar to <paramref name="query"/> with a similarity of at least
    /// <paramref name="minScore"/>, best first (ties: the earlier row first).
    /// </summary>
    public IReadOnlyList<VectorMatch<TKey>> Search(ReadOnlySpan<float> query, int count, float minScore = -1f)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions; this index holds {Dimensions}.", nameof(query));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(count, 0);
        if (count == 0 || Count == 0)
        {
            return [];
        }

        var normalized = query.Length <= 1024 ? stackalloc float[query.Length] : new float[query.Length];
        query.CopyTo(normalized);
        VectorMath.Normalize(normalized);

        // A min-heap of the best rows so far: the root is the one to drop when a better row comes.
        var best = new PriorityQueue<int, (float Score, int Row)>(count + 1, s_worstFirst);
        for (var row = 0; row < Count; row++)
        {
            var score = TensorPrimitives.Dot(normalized, Row(row));
            if (score < minScore)
            {
                continue;
            }

            if (best.Count < count)
            {
                best.Enqueue(row, (score, row));
            }
            else if (best.TryPeek(out _, out var worst) && score > worst.Score)
            {
                best.DequeueEnqueue(row, (score, row));
            }
        }

        var matches = new VectorMatch<TKey>[best.Count];
        for (var i = matches.Length - 1; i >= 0; i--)
        {
            best.TryDequeue(out var row, out var priority);
            matches[i] = new VectorMatch<TKey>(_keys[row], priority.Score);
        }

        return matches;
    }

    /// <summary>
    /// Writes the similarity of <paramref name="query"/> to every row into <paramref name="scores"/> (at least
    /// <see cref="Count"/> long), in row order; <see cref="KeyAt"/> names a row until the index next changes. For
    /// callers that rank by more than similarity, or several ways at once, with one scan.
    /// </summary>
    public void ScoreAll(ReadOnlySpan<float> query, Span<float> scores)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions; this index holds {Dimensions}.", nameof(query));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(scores.Length, Count, nameof(scores));
        var normalized = query.Length <= 1024 ? stackalloc float[query.Length] : new float[query.Length];
        query.CopyTo(normalized);
        VectorMath.Normalize(normalized);
        for (var row = 0; row < Count; row++)
        {
            scores[row] = TensorPrimitives.Dot(normalized, Row(row));
        }
    }

    /// <summary>The key of a row as <see cref="ScoreAll"/> numbers them.</summary>
    public TKey KeyAt(int row)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Count, nameof(row));
        return _keys[row];
    }

    private Span<float> Row(int row) => _block.AsSpan(row * Dimensions, Dimensions);

    private void Grow()
    {
        var capacity = checked(_keys.Length * 2);
        Array.Resize(ref _keys, capacity);
        Array.Resize(ref _block, checked(capacity * Dimensions));
    }
}
