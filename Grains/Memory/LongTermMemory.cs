namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// One long-term memory a character keeps of one user, as persisted. <see cref="Model"/> names the vector space of
/// <see cref="Vector"/>, so a memory is never compared with vectors of another embedder. A memory is
/// <see cref="Consolidated"/> when it was important enough to be kept at once or survived a consolidation; until
/// then the next consolidation may forget it. <see cref="Contradicts"/> names an earlier memory of the same user
/// this one takes the opposite stance of (both are kept; the character asked).
/// </summary>
public sealed record LongTermMemory(
    string Id,
    string UserId,
    string Text,
    string SourceMessageId,
    double Importance,
    DateTimeOffset CreatedAt,
    string Model,
    float[] Vector,
    bool Consolidated = false,
    string? Contradicts = null);
