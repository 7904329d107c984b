namespace LlmMultiChat.Grains.Knowledge;

/// <summary>A chunk that matched a search, with the document it belongs to.</summary>
/// <param name="ChunkIndex">The chunk's position in its document, from 0.</param>
/// <param name="Score">Cosine similarity to the query (-1..1; higher is closer).</param>
public sealed record KnowledgeHit(string DocumentId, string DocumentTitle, string? Source, int ChunkIndex, string Text, float Score);
