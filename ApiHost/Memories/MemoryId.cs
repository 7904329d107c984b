using System.Text.RegularExpressions;
using LlmMultiChat.ApiHost.Characters;
using LlmMultiChat.Grains.Memory;

namespace LlmMultiChat.ApiHost.Memories;

/// <summary>
/// The id a memory has on the wire: it names its tier and where it is kept, so a delete goes straight to its owner.
/// <c>lt.{characterId}.{memoryId}</c> for a character's long-term memory (character ids have no dots),
/// <c>mt.{summaryId}</c> for a mid-term summary. Opaque to clients.
/// </summary>
public sealed partial record MemoryId(MemoryTier Tier, string? CharacterId, string Key)
{
    private const string LongTermPrefix = "lt.";
    private const string MidTermPrefix = "mt.";

    public static string Of(UserMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        return memory.Tier == MemoryTier.LongTerm ? $"{LongTermPrefix}{memory.CharacterId}.{memory.Id}" : $"{MidTermPrefix}{memory.Id}";
    }

    /// <returns>Null when <paramref name="id"/> is not a memory id.</returns>
    public static MemoryId? Parse(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.StartsWith(MidTermPrefix, StringComparison.Ordinal))
        {
            var summaryId = id[MidTermPrefix.Length..];
            return ValidKey().IsMatch(summaryId) ? new MemoryId(MemoryTier.MidTerm, null, summaryId) : null;
        }

        if (id.StartsWith(LongTermPrefix, StringComparison.Ordinal))
        {
            var rest = id[LongTermPrefix.Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            return dot > 0 && CharacterIds.IsValid(rest[..dot]) && ValidKey().IsMatch(rest[(dot + 1)..])
                ? new MemoryId(MemoryTier.LongTerm, rest[..dot], rest[(dot + 1)..])
                : null;
        }

        return null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,128}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ValidKey();
}
