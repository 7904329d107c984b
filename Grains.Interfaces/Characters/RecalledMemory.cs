namespace LlmMultiChat.Grains.Characters;

/// <summary>Something a character remembers of one user, as recalled for a query.</summary>
/// <param name="Id">The memory's id.</param>
/// <param name="Text">What the user said, as they said it.</param>
/// <param name="SourceMessageId">The message it was said in.</param>
/// <param name="Importance">Its salience when kept, 0..1.</param>
/// <param name="Relevance">Cosine similarity to the query, -1..1.</param>
/// <param name="Score">The rank: relevance, importance and recency weighted (docs/decisions.md §9).</param>
/// <param name="CreatedAt">When it was kept.</param>
public sealed record RecalledMemory(string Id, string Text, string SourceMessageId, double Importance, double Relevance, double Score, DateTimeOffset CreatedAt);
