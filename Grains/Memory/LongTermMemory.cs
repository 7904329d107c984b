namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// One long-term memory a character keeps of one user, as persisted. <see cref="Model"/> names the vector space of
/// <see cref="Vector"/>, so a memory is never compared with vectors of another embedder.
/// </summary>
public sealed record LongTermMemory(
    string Id,
    string UserId,
    string Text,
    string SourceMessageId,
    double Importance,
    DateTimeOffset CreatedAt,
    string Model,
    float[] Vector);
