namespace LlmMultiChat.Grains.Memory;

/// <summary>One memory held about a user, as they see it listed or found.</summary>
/// <param name="Id">The memory's id within its tier and owner (a character's memory id, or a summary id).</param>
/// <param name="CharacterId">Long-term: the character that keeps it. Mid-term: the thread's character when it had one only.</param>
/// <param name="ConversationId">Mid-term: the conversation summarised; null for long-term.</param>
/// <param name="Importance">Long-term: its salience when kept (0..1); null for mid-term.</param>
/// <param name="Relevance">Cosine similarity to the query; null without one.</param>
/// <param name="Score">The rank with a query (long-term: the recall score; mid-term: the relevance); null without one.</param>
public sealed record UserMemory(
    MemoryTier Tier,
    string Id,
    string? CharacterId,
    string? ConversationId,
    string Text,
    double? Importance,
    double? Relevance,
    double? Score,
    DateTimeOffset CreatedAt);
