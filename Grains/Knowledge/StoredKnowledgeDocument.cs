namespace LlmMultiChat.Grains.Knowledge;

/// <summary>A document as stored: what the API shows of it, and its chunks (the text lives only in them).</summary>
public sealed record StoredKnowledgeDocument(
    string Id,
    string Title,
    string? Source,
    int Characters,
    string AddedBy,
    DateTimeOffset AddedAt,
    IReadOnlyList<StoredKnowledgeChunk> Chunks);
