using LlmMultiChat.Grains.Knowledge;

namespace LlmMultiChat.ApiHost.Knowledge;

/// <summary>A namespace's documents, oldest first.</summary>
public sealed record KnowledgeDocumentListResponse(string Namespace, IReadOnlyList<KnowledgeDocument> Documents);
