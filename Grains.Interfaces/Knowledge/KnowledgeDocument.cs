namespace LlmMultiChat.Grains.Knowledge;

/// <summary>A stored document, without its text: what it is called, where it came from and how it was split.</summary>
/// <param name="Characters">The length of the text as stored, in UTF-16 code units.</param>
public sealed record KnowledgeDocument(
    string Id,
    string Namespace,
    string Title,
    string? Source,
    int ChunkCount,
    int Characters,
    string AddedBy,
    DateTimeOffset AddedAt);
