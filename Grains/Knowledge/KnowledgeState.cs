namespace LlmMultiChat.Grains.Knowledge;

/// <summary>A namespace's stored state: its documents with their chunks and vectors, and the space the vectors are in.</summary>
public sealed class KnowledgeState
{
    /// <summary>The <see cref="Memory.IEmbedder.Model"/> that made the stored vectors; null before the first document.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>Oldest first.</summary>
    public List<StoredKnowledgeDocument> Documents { get; set; } = [];

    /// <summary>A copy to change, so the stored state stays as it was until the change is written.</summary>
    public KnowledgeState Copy() => new() { EmbeddingModel = EmbeddingModel, Documents = [.. Documents] };
}
