using LlmMultiChat.Grains.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LlmMultiChat.Grains.Knowledge;

/// <summary>
/// One knowledge namespace. Documents are chunked (<see cref="TextChunker"/>), embedded and kept with their vectors
/// in the grain's state; the vectors are indexed in memory on activation, so a search is one query embedding and a
/// scan. Vectors made by another embedding model than the configured one are re-embedded on activation, since
/// vectors of different models must never be compared.
/// </summary>
public sealed partial class KnowledgeGrain(
    [PersistentState("knowledge")] IPersistentState<KnowledgeState> state,
    IEmbedder embedder,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    ILogger<KnowledgeGrain> logger) : Grain, IKnowledgeGrain
{
    private readonly KnowledgeOptions _options = options.Value;
    private readonly TextChunker _chunker = new(options.Value.MaxChunkChars, options.Value.ChunkOverlapChars);
    private readonly Dictionary<string, StoredKnowledgeDocument> _documents = new(StringComparer.Ordinal);

    /// <summary>Null until the namespace holds a chunk: the vector length is the embedder's, known from its first vector.</summary>
    private VectorIndex<ChunkKey>? _index;

    /// <summary>Who added a document whose contributor's account was erased.</summary>
    public const string ErasedContributor = "(erased)";

    private string Namespace => GetPrimaryKeyString();

    private Task ReportToDirectoryAsync() =>
        GrainFactory.GetGrain<IKnowledgeDirectoryGrain>(IKnowledgeDirectoryGrain.Key).Update(Namespace, state.State.Documents.Count);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stored = state.State;
        if (stored.Documents.Count > 0 && !string.Equals(stored.EmbeddingModel, embedder.Model, StringComparison.Ordinal))
        {
            await ReembedAsync(stored, cancellationToken);
        }

        foreach (var document in state.State.Documents)
        {
            Index(document);
        }

        // A namespace that held documents before the directory existed registers itself when it is next used.
        await ReportToDirectoryAsync();
    }

    public async Task<KnowledgeDocument> Add(NewKnowledgeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (KnowledgeNamespaces.Problem(Namespace) is { } namespaceProblem)
        {
            KnowledgeRules.ThrowIfAny([("namespace", namespaceProblem)]);
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(document.AddedBy);
        KnowledgeRules.ThrowIfAny(KnowledgeRules.DocumentProblems(document.Title, document.Text, document.Source, _options));
        var texts = _chunker.Split(document.Text);
        var held = _index?.Count ?? 0;
        if (held + texts.Count > _options.MaxChunksPerNamespace)
        {
            KnowledgeRules.ThrowIfAny([("text", $"The document makes {texts.Count} chunks; namespace {Namespace} holds {held} of at most {_options.MaxChunksPerNamespace}.")]);
        }

        var vectors = await EmbedAsync(texts, CancellationToken.None);
        var now = time.GetUtcNow();
        var stored = new StoredKnowledgeDocument(
            Guid.CreateVersion7(now).ToString("N"),
            document.Title.Trim(),
            string.IsNullOrWhiteSpace(document.Source) ? null : document.Source.Trim(),
            document.Text.Length,
            document.AddedBy,
            now,
            [.. texts.Select((text, i) => new StoredKnowledgeChunk(text, PackedVector.Pack(vectors[i])))]);
        var next = state.State.Copy();
        next.Documents.Add(stored);
        next.EmbeddingModel = embedder.Model;
        await state.ReplaceStateAsync(next);
        Index(stored);
        await ReportToDirectoryAsync();
        return ToDocument(stored);
    }

    public Task<IReadOnlyList<KnowledgeDocument>> Documents() =>
        Task.FromResult<IReadOnlyList<KnowledgeDocument>>([.. state.State.Documents.Select(ToDocument)]);

    public async Task<bool> Delete(string documentId)
    {
        if (documentId is null || !_documents.TryGetValue(documentId, out var document))
        {
            return false;
        }

        var next = state.State.Copy();
        next.Documents.RemoveAll(d => d.Id == documentId);
        await state.ReplaceStateAsync(next);
        _documents.Remove(documentId);
        for (var i = 0; i < document.Chunks.Count; i++)
        {
            _index!.Remove(new ChunkKey(documentId, i));
        }

        await ReportToDirectoryAsync();
        return true;
    }

    public async Task<int> ForgetContributor(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var theirs = state.State.Documents.Count(d => d.AddedBy == userId);
        if (theirs == 0)
        {
            return 0;
        }

        var next = state.State.Copy();
        next.Documents = [.. next.Documents.Select(d => d.AddedBy == userId ? d with { AddedBy = ErasedContributor } : d)];
        await state.ReplaceStateAsync(next);
        foreach (var document in state.State.Documents)
        {
            _documents[document.Id] = document;
        }

        return theirs;
    }

    public async Task<IReadOnlyList<KnowledgeHit>> Search(string query, int count)
    {
        KnowledgeRules.ThrowIfAny(KnowledgeRules.SearchProblems(query, count, _options));
        if (_index is not { Count: > 0 })
        {
            return [];
        }

        var vector = await embedder.EmbedAsync(query, CancellationToken.None);
        // The index is read after the await: a document deleted meanwhile is already out of it.
        return [.. _index.Search(vector, count).Select(match =>
        {
            var document = _documents[match.Key.DocumentId];
            return new KnowledgeHit(document.Id, document.Title, document.Source, match.Key.Index, document.Chunks[match.Key.Index].Text, match.Score);
        })];
    }

    private void Index(StoredKnowledgeDocument document)
    {
        _documents[document.Id] = document;
        for (var i = 0; i < document.Chunks.Count; i++)
        {
            var vector = PackedVector.Unpack(document.Chunks[i].Vector);
            _index ??= new VectorIndex<ChunkKey>(vector.Length);
            _index.Set(new ChunkKey(document.Id, i), vector);
        }
    }

    private async Task ReembedAsync(KnowledgeState stored, CancellationToken cancellationToken)
    {
        var chunks = stored.Documents.Sum(d => d.Chunks.Count);
        LogReembedding(Namespace, chunks, stored.EmbeddingModel, embedder.Model);
        var next = new KnowledgeState { EmbeddingModel = embedder.Model };
        foreach (var document in stored.Documents)
        {
            var vectors = await EmbedAsync([.. document.Chunks.Select(c => c.Text)], cancellationToken);
            next.Documents.Add(document with { Chunks = [.. document.Chunks.Select((c, i) => c with { Vector = PackedVector.Pack(vectors[i]) })] });
        }

        await state.ReplaceStateAsync(next, cancellationToken);
    }

    /// <summary>The vectors of <paramref name="texts"/>, asked for in batches so no one embedder call grows without bound.</summary>
    private async Task<List<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new List<float[]>(texts.Count);
        foreach (var batch in texts.Chunk(_options.EmbedBatchSize))
        {
            vectors.AddRange(await embedder.EmbedAsync(batch, cancellationToken));
        }

        return vectors;
    }

    private KnowledgeDocument ToDocument(StoredKnowledgeDocument d) =>
        new(d.Id, Namespace, d.Title, d.Source, d.Chunks.Count, d.Characters, d.AddedBy, d.AddedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-embedding {Chunks} chunks of knowledge namespace {Namespace}: stored vectors are {StoredModel}, the embedder is {Model}")]
    private partial void LogReembedding(string @namespace, int chunks, string? storedModel, string model);
}
