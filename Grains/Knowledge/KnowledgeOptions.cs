namespace LlmMultiChat.Grains.Knowledge;

/// <summary>Numbers that shape the knowledge base (configuration section "Knowledge"); docs/decisions.md §11 explains them.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>Longest chunk, in UTF-16 code units: about a paragraph, well inside an embedding model's input.</summary>
    public int MaxChunkChars { get; set; } = 800;

    /// <summary>How much of the previous chunk's end a chunk repeats, so a fact cut by a boundary is whole in one of them.</summary>
    public int ChunkOverlapChars { get; set; } = 100;

    /// <summary>Largest document text, in UTF-8 bytes (1 MiB).</summary>
    public int MaxTextBytes { get; set; } = 1 << 20;

    public int MaxTitleChars { get; set; } = 200;

    public int MaxSourceChars { get; set; } = 2_000;

    /// <summary>Most chunks one namespace holds: the grain keeps all of them, with their vectors, in memory and in its state.</summary>
    public int MaxChunksPerNamespace { get; set; } = 10_000;

    public int MaxQueryChars { get; set; } = 1_000;

    /// <summary>Most chunks one search returns.</summary>
    public int MaxResults { get; set; } = 50;

    /// <summary>Chunks embedded per embedder call (one Ollama request each).</summary>
    public int EmbedBatchSize { get; set; } = 64;

    public void Validate()
    {
        if (MaxChunkChars < 32 || ChunkOverlapChars < 0 || ChunkOverlapChars > MaxChunkChars / 2)
        {
            throw new InvalidOperationException("Knowledge:MaxChunkChars must be at least 32 and Knowledge:ChunkOverlapChars between 0 and half of it.");
        }

        if (MaxTextBytes < 1 || MaxTitleChars < 1 || MaxSourceChars < 1 || MaxChunksPerNamespace < 1 || MaxQueryChars < 1 || MaxResults < 1 || EmbedBatchSize < 1)
        {
            throw new InvalidOperationException("Knowledge options must be positive.");
        }
    }
}
