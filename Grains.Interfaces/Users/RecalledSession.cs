namespace LlmMultiChat.Grains.Users;

/// <summary>A mid-term summary of a thread the user took part in, as recalled for a query.</summary>
/// <param name="Id">The summary's id.</param>
/// <param name="ConversationId">The conversation the thread belongs to.</param>
/// <param name="Text">The summary, at most three lines.</param>
/// <param name="Keywords">The thread's most frequent concepts.</param>
/// <param name="Relevance">Cosine similarity to the query, -1..1.</param>
/// <param name="Score">The rank: relevance and recency weighted (docs/decisions.md §9).</param>
/// <param name="CreatedAt">When the thread was summarised.</param>
public sealed record RecalledSession(string Id, string ConversationId, string Text, IReadOnlyList<string> Keywords, double Relevance, double Score, DateTimeOffset CreatedAt);
