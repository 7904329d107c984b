using System.Buffers.Binary;
using System.Text.Json;
using LlmMultiChat.Grains.Coherence;
using LlmMultiChat.Grains.Emotions;
using LlmMultiChat.Grains.Growth;
using LlmMultiChat.Grains.Memory;
using Microsoft.Extensions.Logging;

namespace LlmMultiChat.Grains.Characters;

/// <summary>
/// A character: its persona (every change kept as a version, with who made it), visibility, avatar, emotions,
/// associative memory, long-term memories of its users and growth. Emotions, memories and growth change with every message or rating, so they live in
/// memory and are written behind.
/// </summary>
public sealed partial class CharacterGrain(
    [PersistentState("character")] IPersistentState<CharacterState> state,
    [PersistentState("avatar")] IPersistentState<AvatarState> avatar,
    [PersistentState("emotion")] IPersistentState<CharacterEmotionState> emotion,
    [PersistentState("associations")] IPersistentState<CharacterAssociationState> associations,
    [PersistentState("growth")] IPersistentState<GrowthState> growth,
    EmotionEngine emotions,
    IEmotionAppraiser appraiser,
    GrowthTracker growthTracker,
    AssociationOptions associationOptions,
    StatementFilter statements,
    ConceptExtractor concepts,
    IContradictionDetector contradictions,
    IEmbedder embedder,
    ICharacterMemoryStore memoryStore,
    ImportanceScorer importance,
    LongTermMemoryOptions memoryOptions,
    TimeProvider time,
    ILogger<CharacterGrain> logger) : Grain, ICharacterGrain
{
    private WriteBehindQueue? _writeQueue;
    private AssociationGraph? _graph;
    private bool _graphUnsaved;
    private DateTimeOffset _nextMaintenance = DateTimeOffset.MinValue;
    private MemoryBank? _memoryBank;
    private readonly Dictionary<string, Task> _userLoads = new(StringComparer.Ordinal);
    // The reply's recollection checks a message for contradictions; remembering it then reuses the answer instead of
    // asking again (with an LLM check configured, a second model call).
    private (string UserId, string Statement, (LongTermMemory Earlier, Contradiction Found)? Outcome)? _lastContradictionCheck;

    /// <summary>The largest avatar accepted, in bytes.</summary>
    public const int MaxAvatarBytes = 8 << 20;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private string Id => GetPrimaryKeyString();

    public Task<CharacterProfile?> Profile() => Task.FromResult(state.State.Exists ? ToProfile() : null);

    public async Task<CharacterProfile> Create(Persona persona, string ownerId, CharacterVisibility visibility)
    {
        PersonaRules.Validate(persona);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        if (state.State.Exists)
        {
            throw new InvalidOperationException($"Character {Id} already exists.");
        }

        var now = time.GetUtcNow();
        await state.ReplaceStateAsync(new CharacterState
        {
            Exists = true,
            OwnerId = ownerId,
            Visibility = visibility,
            CreatedAt = now,
            Versions = [new PersonaVersion(1, persona, ownerId, now)],
        });
        await PublishToDirectory();
        return ToProfile();
    }

    public async Task<CharacterProfile> Update(Persona persona, string changedBy, int? expectedVersion = null)
    {
        PersonaRules.Validate(persona);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        var current = Current();
        if (expectedVersion is { } expected && expected != current.Version)
        {
            throw new CharacterVersionConflictException(Id, expected, current.Version);
        }

        var next = state.State.Copy();
        next.Versions.Add(new PersonaVersion(current.Version + 1, persona, changedBy, time.GetUtcNow()));
        await state.ReplaceStateAsync(next);
        await PublishToDirectory();
        return ToProfile();
    }

    public async Task<CharacterProfile> SetVisibility(CharacterVisibility visibility, string changedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        var current = Current();
        var next = state.State.Copy();
        next.Visibility = visibility;
        next.Versions.Add(current with { Version = current.Version + 1, ChangedBy = changedBy, ChangedAt = time.GetUtcNow() });
        await state.ReplaceStateAsync(next);
        await PublishToDirectory();
        return ToProfile();
    }

    public Task<IReadOnlyList<PersonaVersion>> Versions() =>
        Task.FromResult<IReadOnlyList<PersonaVersion>>(state.State.Exists ? [.. state.State.Versions] : []);

    public async Task SetAvatar(byte[]? png, string changedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        Current();
        if (png is not null)
        {
            ValidatePng(png);
        }

        var previousAvatar = avatar.State;
        avatar.State = new AvatarState { Png = png is null ? null : [.. png] };
        try
        {
            await avatar.WriteStateAsync();
        }
        catch
        {
            avatar.State = previousAvatar;
            throw;
        }

        var next = state.State.Copy();
        next.HasAvatar = png is not null;
        await state.ReplaceStateAsync(next);
    }

    public Task<byte[]?> Avatar() => Task.FromResult(state.State.Exists && avatar.State.Png is { } png ? (byte[]?)[.. png] : null);

    public async Task Delete(string deletedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deletedBy);
        if (!state.State.Exists)
        {
            return;
        }

        await avatar.ClearStateAsync();
        // Writes behind land first, so none brings a cleared state back; no new one starts (they come from calls that
        // do not interleave with this one).
        await Writes.DrainAsync();
        await emotion.ClearStateAsync();
        await associations.ClearStateAsync();
        await growth.ClearStateAsync();
        await memoryStore.DeleteCharacterAsync(Id, CancellationToken.None);
        _graph = null;
        _graphUnsaved = false;
        _memoryBank = null;
        _userLoads.Clear();
        await state.ClearStateAsync();
        await GrainFactory.GetGrain<ICharacterDirectoryGrain>(ICharacterDirectoryGrain.Key).Remove(Id);
    }

    public Task<CharacterMood?> Mood() => Task.FromResult(state.State.Exists ? ToMood(emotions.Decay(CurrentEmotion())) : null);

    public async Task<CharacterMood?> React(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _ = Current();
        var appraisal = await appraiser.AppraiseAsync(message, CancellationToken.None);
        var change = emotions.React(CurrentEmotion(), appraisal);
        emotion.State = new CharacterEmotionState { Emotion = change.Emotion };
        WriteBehind("emotions", () => emotion.WriteStateAsync());
        return change.Deltas.Values.Any(delta => delta != 0) ? ToMood(change.Emotion) : null;
    }

    public Task LearnConcepts(IReadOnlyList<string> concepts, IReadOnlyList<string> heardFrom)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        ArgumentNullException.ThrowIfNull(heardFrom);
        _ = Current();
        if (concepts.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A concept must not be empty.", nameof(concepts));
        }

        if (concepts.Count > 0)
        {
            Graph().Learn([.. concepts.Select(ConceptExtractor.Normalize)], heardFrom.Count == 0 ? null : heardFrom);
            _graphUnsaved = true;
            WriteGraphBehind();
        }

        return Task.CompletedTask;
    }

    public Task<AssociationView?> Associations(string? center, int depth, double threshold, int maxNodes, string viewerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(viewerId);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, associationOptions.MaxDepth);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNodes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxNodes, associationOptions.MaxViewNodes);
        if (!(threshold is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be between 0 and 1.");
        }

        if (!state.State.Exists)
        {
            return Task.FromResult<AssociationView?>(null);
        }

        var graph = Graph();
        var start = string.IsNullOrWhiteSpace(center) ? graph.Hub(viewerId) : ConceptExtractor.Normalize(center);
        if (start is null || !graph.IsKnownTo(start, viewerId))
        {
            return Task.FromResult<AssociationView?>(new AssociationView(start, depth, threshold, [], []));
        }

        List<AssociationNode> nodes =
        [
            new(0, start, 0, 1),
            .. graph.Retrieve(start, depth, threshold, maxNodes - 1, viewerId).Select((a, i) => new AssociationNode(i + 1, a.Concept, a.Depth, a.Strength)),
        ];
        var ids = nodes.ToDictionary(n => n.Name, n => n.Id, StringComparer.Ordinal);
        var edges = graph.Links(ids.Keys, threshold).Select(link => new AssociationEdge(ids[link.From], ids[link.To], link.Strength)).ToList();
        return Task.FromResult<AssociationView?>(new AssociationView(start, depth, threshold, nodes, edges));
    }

    public async Task Remember(string userId, string text, string sourceMessageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceMessageId);
        _ = Current();
        var statement = text.Trim();
        if (!statements.WorthRemembering(statement))
        {
            return;
        }

        var vector = await embedder.EmbedAsync(statement, CancellationToken.None);
        var bank = await MemoryBankAsync(userId);
        // A statement that reverses an earlier one is news however alike the two read: it is kept beside the earlier
        // one (the reply asked which holds), not dropped as a near-repeat.
        var (_, similar) = bank.Search(userId, vector, 0, Math.Max(memoryOptions.Importance.NoveltyNeighbours, memoryOptions.ContradictionCandidates), time.GetUtcNow());
        var reversed = await ContradictionAsync(userId, similar, statement);
        var novelty = reversed is null ? importance.Novelty(similar.Take(memoryOptions.Importance.NoveltyNeighbours).Select(m => (float)m.Similarity)) : 1;
        var valence = (await appraiser.AppraiseAsync(statement, CancellationToken.None)).Valence;
        var score = importance.Score(valence, novelty, Relatedness(statement));
        if (score < memoryOptions.KeepAtLeast)
        {
            return;
        }

        var now = time.GetUtcNow();
        bank.Add(new LongTermMemory(
            Guid.CreateVersion7(now).ToString("N"), userId, statement, sourceMessageId, score, now, embedder.Model, vector,
            Consolidated: importance.PromoteAtOnce(score), Contradicts: reversed?.Earlier.Id));
        WriteMemoriesBehind();
    }

    public async Task<CharacterRecollection> Recollect(string userId, string query, float[] queryVector, string model, int memories)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(queryVector);
        ArgumentOutOfRangeException.ThrowIfNegative(memories);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(memories, memoryOptions.MaxRecall);
        if (!state.State.Exists || string.IsNullOrWhiteSpace(query))
        {
            return new CharacterRecollection([], [], [], null);
        }

        var bank = await MemoryBankAsync(userId);
        if (model != embedder.Model)
        {
            // Another embedder's vector (a configuration change mid-flight) cannot be compared with this bank's.
            queryVector = await embedder.EmbedAsync(query, CancellationToken.None);
        }

        var (ranked, similar) = bank.Search(userId, queryVector, memories, memoryOptions.ContradictionCandidates, time.GetUtcNow());
        var recalled = ranked
            .Select(r => new RecalledMemory(r.Memory.Id, r.Memory.Text, r.Memory.SourceMessageId, r.Memory.Importance, Math.Round(r.Relevance, 4), Math.Round(r.Score, 4), r.Memory.CreatedAt))
            .ToList();
        var lessons = bank.Lessons(userId, queryVector, memoryOptions.LessonsInPrompt)
            .Select(l => new RecalledLesson(l.Lesson.Id, l.Lesson.Text, l.Lesson.Situation, Math.Round(l.Relevance, 4), l.Lesson.CreatedAt))
            .ToList();
        var reversed = await ContradictionAsync(userId, similar, query.Trim());
        var clarification = reversed is { } r ? new Clarification(r.Earlier.Text, r.Found.Statement, r.Found.Topic, r.Found.Clarification) : null;
        return new CharacterRecollection(recalled, Associated(query, userId), lessons, clarification);
    }

    public async Task<int> Consolidate(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        _ = Current();
        var forgotten = (await MemoryBankAsync(userId)).Consolidate(userId);
        // A flush consolidates in the background, after the turn: it may as well wait until the outcome is stored.
        WriteMemoriesBehind();
        await Writes.DrainAsync();
        return forgotten;
    }

    public async Task KeepLessons(string userId, IReadOnlyList<NewLesson> lessons)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(lessons);
        _ = Current();
        if (lessons.Count == 0)
        {
            return;
        }

        var vectors = await embedder.EmbedAsync([.. lessons.Select(l => l.Situation)], CancellationToken.None);
        var bank = await MemoryBankAsync(userId);
        var now = time.GetUtcNow();
        for (var i = 0; i < lessons.Count; i++)
        {
            bank.Add(new Lesson(Guid.CreateVersion7(now).ToString("N"), userId, lessons[i].Text, lessons[i].Situation, now, embedder.Model, vectors[i]));
        }

        WriteMemoriesBehind();
    }

    public async Task<IReadOnlyList<RecalledMemory>> Recall(string userId, string query, int count)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, memoryOptions.MaxRecall);
        if (!state.State.Exists || string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var vector = await embedder.EmbedAsync(query, CancellationToken.None);
        var bank = await MemoryBankAsync(userId);
        return [.. bank.Recall(userId, vector, count, time.GetUtcNow())
            .Select(r => new RecalledMemory(r.Memory.Id, r.Memory.Text, r.Memory.SourceMessageId, r.Memory.Importance, Math.Round(r.Relevance, 4), Math.Round(r.Score, 4), r.Memory.CreatedAt))];
    }

    public Task<GrowthProgress> RecordGrowth(GrowthKpi kpi)
    {
        _ = Current();
        var update = growthTracker.Record(growth.State, kpi);
        growth.State = update.State;
        WriteBehind("growth", () => growth.WriteStateAsync());
        return Task.FromResult(growthTracker.Progress(update.State, update.LevelsReached));
    }

    public Task<GrowthProgress?> Growth() =>
        Task.FromResult(state.State.Exists ? growthTracker.Progress(growth.State, []) : null);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Maintenance during reads leaves the graph changed but unwritten; decay counts elapsed time, so it would
        // be redone after a crash, but an orderly deactivation saves it.
        if (_graphUnsaved)
        {
            WriteGraphBehind();
        }

        // Memories embedded again for a new model, or changed since the last write, are saved.
        if (_memoryBank?.HasChanges == true)
        {
            WriteMemoriesBehind();
        }

        return Writes.DrainAsync();
    }

    private static void ValidatePng(byte[] png)
    {
        if (png.Length > MaxAvatarBytes)
        {
            throw new ArgumentException($"The avatar is {png.Length} bytes; the limit is {MaxAvatarBytes}.", nameof(png));
        }

        // Signature, then an IHDR chunk: enough to refuse what is not a PNG without decoding images here.
        if (png.Length < 33 || !png.AsSpan(0, 8).SequenceEqual(PngSignature)
            || BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(8)) != 13 || !png.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new ArgumentException("The avatar is not a PNG image.", nameof(png));
        }
    }

    private CharacterEmotion CurrentEmotion() => emotion.State.Emotion ?? emotions.Start(EmotionBaselines.For(Id));

    private CharacterMood ToMood(CharacterEmotion current)
    {
        var dominant = emotions.Dominant(current);
        return new CharacterMood(
            EmotionState.All.ToDictionary(EmotionName, e => Math.Round(current.Current[e], 4)),
            EmotionName(dominant),
            EmotionTone.Instruction(dominant),
            emotions.Trend(current).Direction.ToString().ToLowerInvariant(),
            current.UpdatedAt);
    }

    private static string EmotionName(Emotion emotion) => JsonNamingPolicy.CamelCase.ConvertName(emotion.ToString());

    /// <summary>
    /// The graph, built from its snapshot on first use. Maintenance (decay, prune) runs then and again whenever
    /// <see cref="AssociationOptions.MaintenanceInterval"/> has passed on the grain's clock, so an activation that
    /// lives for weeks still forgets; no timer is needed because only a use can observe the result.
    /// </summary>
    private AssociationGraph Graph()
    {
        _graph ??= associations.State.Graph is { } saved
            ? AssociationGraph.FromSnapshot(saved, time, associationOptions)
            : new AssociationGraph(time, associationOptions);
        var now = time.GetUtcNow();
        if (now >= _nextMaintenance)
        {
            _nextMaintenance = now + associationOptions.MaintenanceInterval;
            _graphUnsaved |= _graph.Decay() is not { Decayed: 0, Pruned: 0 };
        }

        return _graph;
    }

    private void WriteGraphBehind() => WriteBehind("associations", WriteGraphAsync);

    /// <summary>
    /// Snapshots the graph when its write's turn comes, not per message: what is learned while a write is in flight
    /// goes with the next one, and writes queued behind find nothing left to do.
    /// </summary>
    private async Task WriteGraphAsync()
    {
        if (!_graphUnsaved || _graph is null)
        {
            return;
        }

        _graphUnsaved = false;
        associations.State = new CharacterAssociationState { Graph = _graph.ToSnapshot() };
        try
        {
            await associations.WriteStateAsync();
        }
        catch (GrainStorageException)
        {
            _graphUnsaved = true;
            throw;
        }
    }

    /// <summary>
    /// The earlier memory that <paramref name="statement"/> takes the opposite stance of, among the
    /// <see cref="LongTermMemoryOptions.ContradictionCandidates"/> most similar of the user's (<paramref name="similar"/>, most similar first), or null.
    /// </summary>
    private async Task<(LongTermMemory Earlier, Contradiction Found)?> ContradictionAsync(string userId, IReadOnlyList<(LongTermMemory Memory, double Similarity)> similar, string statement)
    {
        if (_lastContradictionCheck is { } last && last.UserId == userId && last.Statement == statement)
        {
            return last.Outcome;
        }

        // The detector reads them oldest first: the latest stance on a topic is the one that counts.
        var earlier = similar.Take(memoryOptions.ContradictionCandidates).Select(m => m.Memory).OrderBy(m => m.CreatedAt).ToList();
        (LongTermMemory, Contradiction)? result = null;
        if (earlier.Count > 0 && await contradictions.FindAsync(statement, [.. earlier.Select(m => m.Text)], CancellationToken.None) is { } found)
        {
            result = (earlier.Last(m => m.Text == found.EarlierStatement), found);
        }

        _lastContradictionCheck = (userId, statement, result);
        return result;
    }

    /// <summary>The share of the statement's concepts the character's association graph already knows (upstream: links to existing memories).</summary>
    private double Relatedness(string statement)
    {
        var said = concepts.Extract(statement).Distinct(StringComparer.Ordinal).ToList();
        return said.Count == 0 ? 0 : said.Count(Graph().Contains) / (double)said.Count;
    }

    /// <summary>What the query's concepts bring to mind, of what <paramref name="userId"/> may see: their strongest associations, the query's own concepts left out.</summary>
    private List<string> Associated(string query, string userId)
    {
        var said = concepts.Extract(query).Select(ConceptExtractor.Normalize).ToHashSet(StringComparer.Ordinal);
        var graph = Graph();
        return
        [
            .. said.Where(c => graph.IsKnownTo(c, userId))
                .SelectMany(c => graph.Retrieve(c, associationOptions.PromptDepth, associationOptions.PromptThreshold, associationOptions.InPrompt, userId))
                .Where(a => !said.Contains(a.Concept))
                .GroupBy(a => a.Concept, StringComparer.Ordinal)
                .Select(g => (Concept: g.Key, Strength: g.Max(a => a.Strength)))
                .OrderByDescending(a => a.Strength).ThenBy(a => a.Concept, StringComparer.Ordinal)
                .Take(associationOptions.InPrompt)
                .Select(a => a.Concept),
        ];
    }

    /// <summary>
    /// The memory bank with <paramref name="userId"/>'s section loaded: read from the store the first time, shared as a
    /// task because recalls interleave and may ask while it loads. Rows embedded by another model than the current
    /// one are embedded again (one batch) and saved, so the bank holds one vector space only.
    /// </summary>
    private async Task<MemoryBank> MemoryBankAsync(string userId)
    {
        var bank = _memoryBank ??= new MemoryBank(memoryOptions);
        if (!bank.IsLoaded(userId))
        {
            if (!_userLoads.TryGetValue(userId, out var load) || load.IsFaulted)
            {
                _userLoads[userId] = load = LoadUserAsync(bank, userId);
            }

            await load;
        }

        return bank;
    }

    private async Task LoadUserAsync(MemoryBank bank, string userId)
    {
        var stored = await memoryStore.ReadAsync(Id, userId, CancellationToken.None);
        var stale = stored.Memories.Where(m => m.Model != embedder.Model).ToList();
        var staleLessons = stored.Lessons.Where(l => l.Model != embedder.Model).ToList();
        if (stale.Count == 0 && staleLessons.Count == 0)
        {
            bank.Load(userId, stored);
            return;
        }

        var vectors = await embedder.EmbedAsync([.. stale.Select(m => m.Text), .. staleLessons.Select(l => l.Situation)], CancellationToken.None);
        var again = stale.Select((m, i) => m with { Model = embedder.Model, Vector = vectors[i] }).ToDictionary(m => m.Id, StringComparer.Ordinal);
        var lessonsAgain = staleLessons.Select((l, i) => l with { Model = embedder.Model, Vector = vectors[stale.Count + i] }).ToDictionary(l => l.Id, StringComparer.Ordinal);
        bank.Load(userId, UserMemories.None);
        foreach (var memory in stored.Memories)
        {
            bank.Add(again.GetValueOrDefault(memory.Id, memory));
        }

        foreach (var lesson in stored.Lessons)
        {
            bank.Add(lessonsAgain.GetValueOrDefault(lesson.Id, lesson));
        }

        WriteMemoriesBehind();
    }

    /// <summary>
    /// Writes the bank's changes as rows, behind the call that made them; changes made while a write is queued go
    /// with it. A failed write puts its changes back, to go with the next one.
    /// </summary>
    private void WriteMemoriesBehind() => Writes.EnqueueOnce("memories", async () =>
    {
        if (_memoryBank is not { HasChanges: true } bank)
        {
            return;
        }

        var changes = bank.TakeChanges();
        try
        {
            await memoryStore.SaveAsync(Id, changes, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            bank.Restore(changes);
            LogNotSaved(ex, "memories", Id);
        }
    });

    private WriteBehindQueue Writes => _writeQueue ??= new WriteBehindQueue(RunInBackground);

    /// <summary>
    /// Emotions, associations, memories and growth are written behind (<see cref="WriteBehindQueue"/>): a reply must not wait on
    /// the disk for its character's mood or memory. A failed write is logged here; the state stays in memory and is
    /// written with the next change.
    /// </summary>
    private void WriteBehind(string what, Func<Task> write) => Writes.Enqueue(async () =>
    {
        try
        {
            await write();
        }
        catch (GrainStorageException ex)
        {
            LogNotSaved(ex, what, Id);
        }
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not save the {What} of character {CharacterId}; they stay in memory and are saved with the next change")]
    private partial void LogNotSaved(Exception exception, string what, string characterId);

    private PersonaVersion Current() =>
        state.State.Exists ? state.State.Versions[^1] : throw new KeyNotFoundException($"Character {Id} does not exist.");

    private CharacterProfile ToProfile()
    {
        var current = Current();
        var first = state.State.Versions[0];
        return new CharacterProfile(Id, current.Persona, state.State.OwnerId, state.State.Visibility, current.Version, first.ChangedAt, current.ChangedAt, current.ChangedBy, state.State.HasAvatar);
    }

    private Task PublishToDirectory()
    {
        var persona = Current().Persona;
        return GrainFactory.GetGrain<ICharacterDirectoryGrain>(ICharacterDirectoryGrain.Key)
            .Upsert(new CharacterSummary(Id, persona.Name, persona.Aliases, state.State.OwnerId, state.State.Visibility));
    }

    public async Task<IReadOnlyList<RecalledMemory>> MemoriesOf(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (!state.State.Exists)
        {
            return [];
        }

        var bank = await MemoryBankAsync(userId);
        return [.. bank.MemoriesOf(userId).Select(m => new RecalledMemory(m.Id, m.Text, m.SourceMessageId, m.Importance, 0, m.Importance, m.CreatedAt))];
    }

    public async Task<IReadOnlyList<RecalledLesson>> LessonsOf(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (!state.State.Exists)
        {
            return [];
        }

        var bank = await MemoryBankAsync(userId);
        return [.. bank.LessonsOf(userId).Select(l => new RecalledLesson(l.Id, l.Text, l.Situation, 0, l.CreatedAt))];
    }

    public async Task<bool> Forget(string userId, string memoryId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(memoryId);
        return state.State.Exists && await ForgetNowAsync(userId, bank => bank.Forget(userId, memoryId) ? 1 : 0) == 1;
    }

    public async Task<int> ForgetUser(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (!state.State.Exists)
        {
            return 0;
        }

        // What a character keeps per user: memories and lessons (the bank), and the concepts their conversations taught
        // (the graph's sources). Emotions and growth are not kept per user.
        var forgotten = await ForgetNowAsync(userId, bank => bank.ForgetUser(userId));
        if (_graph is not null || associations.State.Graph is not null)
        {
            Graph().Forget(userId);
            await SaveGraphNowAsync();
        }

        return forgotten;
    }

    public async Task<bool> ForgetConcept(string concept)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(concept);
        if (!state.State.Exists || !Graph().Remove(ConceptExtractor.Normalize(concept)))
        {
            return false;
        }

        await SaveGraphNowAsync();
        return true;
    }

    /// <summary>
    /// Forgets in the bank and stores the change before returning, behind every write already queued (drained first,
    /// so none of them runs after this one); a failed write puts the change back to go with the next one and throws,
    /// so a caller erasing data learns it is not gone yet.
    /// </summary>
    private async Task<int> ForgetNowAsync(string userId, Func<MemoryBank, int> forget)
    {
        var bank = await MemoryBankAsync(userId);
        var forgotten = forget(bank);
        if (forgotten > 0)
        {
            await Writes.DrainAsync();
            var changes = bank.TakeChanges();
            try
            {
                await memoryStore.SaveAsync(Id, changes, CancellationToken.None);
            }
            catch
            {
                bank.Restore(changes);
                throw;
            }
        }

        return forgotten;
    }

    /// <summary>As <see cref="ForgetNowAsync"/> for the graph: written before returning, behind every queued write.</summary>
    private async Task SaveGraphNowAsync()
    {
        _graphUnsaved = true;
        await Writes.DrainAsync();
        await WriteGraphAsync();
    }
}
