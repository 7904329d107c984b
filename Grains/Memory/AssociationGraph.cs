namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// One character's associative memory: concepts and weighted undirected edges, learned from co-occurrence,
/// strengthened by use (Hebbian, capped), weakened by idleness and pruned. Compact so it scales to 10,000 concepts
/// and 100,000 edges: concepts are int ids, edge fields live in parallel lists, each concept keeps the ids of its
/// edges. Concepts are not deleted by pruning (an orphan costs a name and two ints), only when the users they came
/// from are erased.
/// <para>
/// Every concept remembers whose conversations taught it (<see cref="Learn"/>'s <c>heardFrom</c>) until
/// <see cref="AssociationOptions.SharedAfterUsers"/> different users have: until then it is private to them, and a
/// retrieval for another user neither returns it nor walks through it, so what one user told the character never
/// reaches another through its associations. Concepts learned without users (the character's own) are shared.
/// </para>
/// Not thread-safe: the owning grain's turns are single-threaded.
/// </summary>
public sealed class AssociationGraph
{
    private readonly AssociationOptions _options;
    private readonly TimeProvider _time;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<int> _activations = [];
    private readonly List<DateTimeOffset> _createdAt = [];
    private readonly List<List<int>> _edgesOf = [];

    /// <summary>Per concept: the users it was heard from while fewer than SharedAfterUsers; null once shared; empty once erased.</summary>
    private readonly List<string[]?> _heardFrom = [];

    private readonly Dictionary<long, int> _edgeIds = [];
    private readonly List<int> _from = [];
    private readonly List<int> _to = [];
    private readonly List<double> _strength = [];
    private readonly List<int> _coOccurrence = [];
    private readonly List<DateTimeOffset> _lastActivated = [];
    private readonly List<int> _decayedPeriods = [];
    private readonly Stack<int> _freeEdges = [];

    // Per-query scratch, reused so a retrieval allocates nothing proportional to the graph.
    private double[] _best = [];
    private int[] _depth = [];
    private int[] _seen = [];
    private int _generation;

    public AssociationGraph(TimeProvider time, AssociationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _options = options ?? new AssociationOptions();
    }

    public int ConceptCount => _ids.Count;

    public int EdgeCount => _edgeIds.Count;

    /// <summary>
    /// Learns from concepts in the order they were said (spec §5.3): each pair at most <see cref="AssociationOptions.Window"/>
    /// apart co-occurs with count c = 1/(1 + 0.3·distance); a new edge starts at c, an existing one grows by c·0.1.
    /// Each pair is counted once per occurrence (looking forward only); a concept next to itself is no edge.
    /// </summary>
    /// <param name="concepts">The concepts, in the order said.</param>
    /// <param name="heardFrom">The users whose conversation they were said in (null: the character's own, shared with everyone).</param>
    public void Learn(IReadOnlyList<string> concepts, IReadOnlyCollection<string>? heardFrom = null)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        var ids = new int[concepts.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = Concept(concepts[i], heardFrom);
            _activations[ids[i]]++;
        }

        for (var i = 0; i < ids.Length; i++)
        {
            for (var distance = 1; distance <= _options.Window && i + distance < ids.Length; distance++)
            {
                var other = ids[i + distance];
                if (other == ids[i])
                {
                    continue;
                }

                var count = 1 / (1 + (_options.DistanceFactor * distance));
                if (_edgeIds.TryGetValue(Key(ids[i], other), out var edge))
                {
                    Activate(edge, _strength[edge] + (count * _options.LearningRate));
                }
                else
                {
                    AddEdge(ids[i], other, count);
                }
            }
        }
    }

    /// <summary>Sets the edge between two concepts (created, with the concepts, if absent) to <paramref name="strength"/>.</summary>
    public void Link(string a, string b, double strength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(strength);
        var (from, to) = Pair(a, b);
        if (_edgeIds.TryGetValue(Key(from, to), out var edge))
        {
            Activate(edge, strength);
        }
        else
        {
            AddEdge(from, to, strength);
        }
    }

    /// <summary>Hebbian strengthening: strength + <paramref name="delta"/>, capped; an absent edge starts at <paramref name="delta"/>.</summary>
    /// <returns>The new strength.</returns>
    public double Strengthen(string a, string b, double delta)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delta);
        var (from, to) = Pair(a, b);
        if (_edgeIds.TryGetValue(Key(from, to), out var edge))
        {
            Activate(edge, _strength[edge] + delta);
        }
        else
        {
            edge = AddEdge(from, to, delta);
        }

        return _strength[edge];
    }

    public bool Contains(string concept) => _ids.ContainsKey(concept);

    /// <summary>Whether the concept is known and visible to <paramref name="viewer"/> (null: to the character itself, which sees everything).</summary>
    public bool IsKnownTo(string concept, string? viewer) => _ids.TryGetValue(concept, out var id) && IsVisible(id, viewer);

    /// <summary>
    /// Erases what was learned from <paramref name="userId"/>: the user leaves every concept's sources, and a concept
    /// heard from nobody else is deleted with its edges. Shared concepts (heard from SharedAfterUsers users or more)
    /// no longer say from whom and stay. Returns how many concepts were deleted.
    /// </summary>
    public int Forget(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var deleted = 0;
        foreach (var id in _ids.Values.ToList())
        {
            if (_heardFrom[id] is not { } sources || !sources.Contains(userId, StringComparer.Ordinal))
            {
                continue;
            }

            _heardFrom[id] = [.. sources.Where(u => u != userId)];
            if (_heardFrom[id]!.Length == 0)
            {
                Delete(id);
                deleted++;
            }
        }

        return deleted;
    }

    /// <summary>Deletes a concept and its edges whoever taught it (an erased user's name); false when it is not known.</summary>
    public bool Remove(string concept)
    {
        ArgumentNullException.ThrowIfNull(concept);
        if (!_ids.TryGetValue(concept, out var id))
        {
            return false;
        }

        Delete(id);
        return true;
    }

    /// <summary>The strength of the edge between two concepts, or null when there is none.</summary>
    public double? Strength(string a, string b) =>
        _ids.TryGetValue(a, out var from) && _ids.TryGetValue(b, out var to) && _edgeIds.TryGetValue(Key(from, to), out var edge)
            ? _strength[edge]
            : null;

    /// <summary>
    /// Maintenance: every full idle period since an edge's last activation multiplies it by the decay factor once
    /// (however often this runs), then edges below the prune threshold are deleted.
    /// </summary>
    public AssociationMaintenance Decay()
    {
        var now = _time.GetUtcNow();
        var decayed = 0;
        var weak = new List<int>();
        foreach (var edge in _edgeIds.Values)
        {
            var periods = (int)Math.Min(int.MaxValue, (now - _lastActivated[edge]).Ticks / _options.IdlePeriod.Ticks);
            if (periods > _decayedPeriods[edge])
            {
                _strength[edge] *= Math.Pow(_options.DecayFactor, periods - _decayedPeriods[edge]);
                _decayedPeriods[edge] = periods;
                decayed++;
            }

            if (_strength[edge] < _options.PruneBelow)
            {
                weak.Add(edge);
            }
        }

        weak.ForEach(RemoveEdge);
        return new AssociationMaintenance(decayed, weak.Count);
    }

    /// <summary>
    /// The concepts reachable from <paramref name="center"/> in at most <paramref name="depth"/> hops over edges of at
    /// least <paramref name="threshold"/>, each with its best path strength (the product of the edge strengths), best
    /// first, at most <paramref name="limit"/> (by default <see cref="AssociationOptions.MaxResults"/>). Reading does
    /// not activate anything. With a <paramref name="viewer"/>, only concepts visible to that user count (the centre too).
    /// </summary>
    public IReadOnlyList<Association> Retrieve(string center, int depth, double? threshold = null, int? limit = null, string? viewer = null)
    {
        ArgumentNullException.ThrowIfNull(center);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, _options.MaxDepth);
        ArgumentOutOfRangeException.ThrowIfNegative(limit ?? 0, nameof(limit));
        if (!_ids.TryGetValue(center, out var start) || !IsVisible(start, viewer))
        {
            return [];
        }

        var minimum = threshold ?? _options.DefaultThreshold;
        var generation = NextGeneration();
        var reached = new List<int>();
        _seen[start] = generation;
        _best[start] = 1;
        _depth[start] = 0;

        // Hop-bounded relaxation: round r extends the paths improved in round r - 1 by one edge. Strengths are at
        // most 1, so a path through a cycle is never better than the path without it: the best walk is a simple path.
        List<(int Node, double Strength)> frontier = [(start, 1)];
        for (var hop = 1; hop <= depth && frontier.Count > 0; hop++)
        {
            var improved = new List<int>();
            foreach (var (node, strength) in frontier)
            {
                foreach (var edge in _edgesOf[node])
                {
                    var edgeStrength = _strength[edge];
                    if (edgeStrength < minimum)
                    {
                        continue;
                    }

                    var next = _from[edge] == node ? _to[edge] : _from[edge];
                    if (!IsVisible(next, viewer))
                    {
                        continue;
                    }

                    var candidate = strength * edgeStrength;
                    if (_seen[next] != generation)
                    {
                        _seen[next] = generation;
                        reached.Add(next);
                    }
                    else if (candidate <= _best[next])
                    {
                        continue;
                    }

                    _best[next] = candidate;
                    _depth[next] = hop;
                    improved.Add(next);
                }
            }

            frontier = improved.Distinct().Select(n => (n, _best[n])).ToList();
        }

        return reached
            .Where(n => n != start)
            .OrderByDescending(n => _best[n])
            .ThenBy(n => _depth[n])
            .ThenBy(n => _names[n], StringComparer.Ordinal)
            .Take(limit ?? _options.MaxResults)
            .Select(n => new Association(_names[n], _best[n], _depth[n]))
            .ToList();
    }

    /// <summary>The edges of at least <paramref name="threshold"/> between any two of <paramref name="concepts"/>, each once; unknown concepts are skipped.</summary>
    public IReadOnlyList<ConceptLink> Links(IEnumerable<string> concepts, double threshold)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        var members = new HashSet<int>();
        foreach (var concept in concepts)
        {
            if (_ids.TryGetValue(concept, out var id))
            {
                members.Add(id);
            }
        }

        var links = new List<ConceptLink>();
        foreach (var node in members)
        {
            foreach (var edge in _edgesOf[node])
            {
                // Reported from its first end only, so an edge inside the set appears once.
                if (_from[edge] == node && members.Contains(_to[edge]) && _strength[edge] >= threshold)
                {
                    links.Add(new ConceptLink(_names[node], _names[_to[edge]], _strength[edge]));
                }
            }
        }

        return links;
    }

    /// <summary>
    /// The most connected concept: the greatest sum of edge strengths (then the most edges, then the name, for a
    /// stable answer) among those visible to <paramref name="viewer"/>; null when there is none with edges. Where a view starts when it is given no centre.
    /// </summary>
    public string? Hub(string? viewer = null)
    {
        var best = -1;
        var bestWeight = 0.0;
        for (var node = 0; node < _names.Count; node++)
        {
            var edges = _edgesOf[node];
            if (edges.Count == 0 || !IsVisible(node, viewer))
            {
                continue;
            }

            var weight = 0.0;
            foreach (var edge in edges)
            {
                weight += _strength[edge];
            }

            var better = best < 0
                || weight > bestWeight
                || (weight == bestWeight && edges.Count > _edgesOf[best].Count)
                || (weight == bestWeight && edges.Count == _edgesOf[best].Count && string.CompareOrdinal(_names[node], _names[best]) < 0);
            if (better)
            {
                best = node;
                bestWeight = weight;
            }
        }

        return best < 0 ? null : _names[best];
    }

    /// <summary>
    /// How natural it is to move from topic <paramref name="from"/> to <paramref name="to"/> (spec §5.2): 1 / (1 + hops)
    /// over the shortest path of at most <see cref="AssociationOptions.TransitionMaxHops"/> hops, whatever the
    /// strengths; 0 when there is no such path or a concept is unknown.
    /// </summary>
    public double TopicTransition(string from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (!_ids.TryGetValue(from, out var start) || !_ids.TryGetValue(to, out var goal))
        {
            return 0;
        }

        var generation = NextGeneration();
        _seen[start] = generation;
        List<int> frontier = [start];
        for (var hops = 0; hops <= _options.TransitionMaxHops && frontier.Count > 0; hops++)
        {
            if (frontier.Contains(goal))
            {
                return 1.0 / (1 + hops);
            }

            var next = new List<int>();
            foreach (var node in frontier)
            {
                foreach (var edge in _edgesOf[node])
                {
                    var neighbour = _from[edge] == node ? _to[edge] : _from[edge];
                    if (_seen[neighbour] != generation)
                    {
                        _seen[neighbour] = generation;
                        next.Add(neighbour);
                    }
                }
            }

            frontier = next;
        }

        return 0;
    }

    /// <summary>The graph as records, erased concepts left out (the others renumbered in order).</summary>
    public AssociationGraphSnapshot ToSnapshot()
    {
        var position = new int[_names.Count];
        var nodes = new List<ConceptNode>(_ids.Count);
        for (var i = 0; i < _names.Count; i++)
        {
            position[i] = nodes.Count;
            if (_ids.TryGetValue(_names[i], out var id) && id == i)
            {
                nodes.Add(new ConceptNode(_names[i], _activations[i], _createdAt[i], _heardFrom[i]));
            }
        }

        var edges = _edgeIds.Values
            .Order()
            .Select(e => new ConceptEdge(position[_from[e]], position[_to[e]], _strength[e], _coOccurrence[e], _lastActivated[e], _decayedPeriods[e]))
            .ToList();
        return new AssociationGraphSnapshot(nodes, edges);
    }

    /// <exception cref="ArgumentException">The snapshot names a concept twice, or an edge's end is not a node.</exception>
    public static AssociationGraph FromSnapshot(AssociationGraphSnapshot snapshot, TimeProvider time, AssociationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var graph = new AssociationGraph(time, options);
        foreach (var node in snapshot.Nodes)
        {
            if (graph._ids.ContainsKey(node.Name))
            {
                throw new ArgumentException($"The snapshot names the concept '{node.Name}' twice.", nameof(snapshot));
            }

            graph.AddConcept(node.Name, node.ActivationCount, node.CreatedAt, node.HeardFrom is null ? null : [.. node.HeardFrom]);
        }

        foreach (var edge in snapshot.Edges)
        {
            if ((uint)edge.From >= (uint)graph.ConceptCount || (uint)edge.To >= (uint)graph.ConceptCount || edge.From == edge.To)
            {
                throw new ArgumentException($"The snapshot has an edge {edge.From}–{edge.To} between nodes it does not hold.", nameof(snapshot));
            }

            var id = graph.AddEdge(edge.From, edge.To, edge.Strength);
            graph._coOccurrence[id] = edge.CoOccurrence;
            graph._lastActivated[id] = edge.LastActivated;
            graph._decayedPeriods[id] = edge.DecayedPeriods;
        }

        return graph;
    }

    private static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    private (int From, int To) Pair(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A concept cannot be associated with itself ('{a}').", nameof(b));
        }

        return (Concept(a, null), Concept(b, null));
    }

    /// <summary>The concept's id, added if new; the users it is now heard from join its sources (none: it is shared).</summary>
    private int Concept(string name, IReadOnlyCollection<string>? heardFrom)
    {
        if (!_ids.TryGetValue(name, out var id))
        {
            return AddConcept(name, 0, _time.GetUtcNow(), Sources([], heardFrom));
        }

        if (_heardFrom[id] is { } sources)
        {
            _heardFrom[id] = Sources(sources, heardFrom);
        }

        return id;
    }

    /// <summary>The sources after hearing from <paramref name="heardFrom"/>: null (shared) without users or once there are SharedAfterUsers of them.</summary>
    private string[]? Sources(string[] sources, IReadOnlyCollection<string>? heardFrom)
    {
        if (heardFrom is null)
        {
            return null;
        }

        var union = sources.Union(heardFrom, StringComparer.Ordinal).ToArray();
        return union.Length >= _options.SharedAfterUsers ? null : union;
    }

    private bool IsVisible(int id, string? viewer) =>
        viewer is null || _heardFrom[id] is not { } sources || sources.Contains(viewer, StringComparer.Ordinal);

    private int AddConcept(string name, int activations, DateTimeOffset createdAt, string[]? heardFrom)
    {
        var id = _names.Count;
        _ids.Add(name, id);
        _names.Add(name);
        _activations.Add(activations);
        _createdAt.Add(createdAt);
        _edgesOf.Add([]);
        _heardFrom.Add(heardFrom);
        return id;
    }

    private int AddEdge(int from, int to, double strength)
    {
        var now = _time.GetUtcNow();
        var capped = Math.Min(strength, _options.MaxStrength);
        int edge;
        if (_freeEdges.TryPop(out edge))
        {
            _from[edge] = from;
            _to[edge] = to;
            _strength[edge] = capped;
            _coOccurrence[edge] = 1;
            _lastActivated[edge] = now;
            _decayedPeriods[edge] = 0;
        }
        else
        {
            edge = _from.Count;
            _from.Add(from);
            _to.Add(to);
            _strength.Add(capped);
            _coOccurrence.Add(1);
            _lastActivated.Add(now);
            _decayedPeriods.Add(0);
        }

        _edgeIds.Add(Key(from, to), edge);
        _edgesOf[from].Add(edge);
        _edgesOf[to].Add(edge);
        return edge;
    }

    private void Activate(int edge, double strength)
    {
        _strength[edge] = Math.Min(strength, _options.MaxStrength);
        _coOccurrence[edge]++;
        _lastActivated[edge] = _time.GetUtcNow();
        _decayedPeriods[edge] = 0;
    }

    /// <summary>The concept's edges go, its name leaves the index (its slot stays, so ids do not move) and it is heard from nobody.</summary>
    private void Delete(int id)
    {
        _edgesOf[id].ToList().ForEach(RemoveEdge);
        _ids.Remove(_names[id]);
        _names[id] = string.Empty;
        _heardFrom[id] = [];
    }

    private void RemoveEdge(int edge)
    {
        _edgeIds.Remove(Key(_from[edge], _to[edge]));
        _edgesOf[_from[edge]].Remove(edge);
        _edgesOf[_to[edge]].Remove(edge);
        _freeEdges.Push(edge);
    }

    private int NextGeneration()
    {
        if (_seen.Length < _names.Count)
        {
            var size = Math.Max(_names.Count, _seen.Length * 2);
            Array.Resize(ref _best, size);
            Array.Resize(ref _depth, size);
            Array.Resize(ref _seen, size);
        }

        return ++_generation;
    }
}
