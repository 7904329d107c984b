namespace LlmMultiChat.Grains.Memory;

/// <summary>Which of a user's memories to list: a tier (null: both), a character (null: any), a query to rank by (null: newest first), how many.</summary>
public sealed record UserMemoryQuery(MemoryTier? Tier, string? CharacterId, string? Query, int Limit);
