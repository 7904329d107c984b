using LlmMultiChat.Grains.Memory;

namespace LlmMultiChat.ApiHost.Memories;

/// <summary>One of the caller's memories (docs/api.md, Memories).</summary>
/// <param name="Id">The memory's routable id (<see cref="MemoryId"/>).</param>
/// <param name="Tier"><c>long-term</c> or <c>mid-term</c>.</param>
public sealed record MemoryResponse(
    string Id,
    string Tier,
    string? CharacterId,
    string? ConversationId,
    string Text,
    double? Importance,
    double? Relevance,
    double? Score,
    DateTimeOffset CreatedAt)
{
    public static MemoryResponse From(UserMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        return new(MemoryId.Of(memory), MemoryTiers.Name(memory.Tier), memory.CharacterId, memory.ConversationId, memory.Text, memory.Importance, memory.Relevance, memory.Score, memory.CreatedAt);
    }
}
