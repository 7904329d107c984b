namespace LlmMultiChat.Grains.Memory;

/// <summary>The memory tiers a user can list and delete from (docs/decisions.md §13).</summary>
public enum MemoryTier
{
    /// <summary>What a character keeps of a user (per character, per user).</summary>
    LongTerm,

    /// <summary>Summaries of the threads a user took part in.</summary>
    MidTerm,
}
