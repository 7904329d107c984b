using LlmMultiChat.Grains.Memory;

namespace LlmMultiChat.ApiHost.Memories;

/// <summary>The tiers' names on the wire.</summary>
public static class MemoryTiers
{
    public const string LongTerm = "long-term";
    public const string MidTerm = "mid-term";

    public static string Name(MemoryTier tier) => tier == MemoryTier.LongTerm ? LongTerm : MidTerm;

    /// <returns>Null when <paramref name="name"/> names no tier.</returns>
    public static MemoryTier? Parse(string name) => name switch
    {
        LongTerm => MemoryTier.LongTerm,
        MidTerm => MemoryTier.MidTerm,
        _ => null,
    };
}
