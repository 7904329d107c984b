using LlmMultiChat.Grains.Knowledge;

namespace LlmMultiChat.ApiHost.Knowledge;

/// <summary>The chunks closest to the query, best first.</summary>
public sealed record KnowledgeSearchResponse(string Namespace, string Query, IReadOnlyList<KnowledgeHit> Results);
