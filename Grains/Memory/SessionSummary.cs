namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// One flushed thread of a conversation: the mid-term memory tier. When a thread reaches its turn limit or falls
/// idle, the conversation grain summarises it (three lines), extracts its keywords and embeds the summary; the
/// summary is kept for the humans who took part, for a retention period (docs/decisions.md §9).
/// </summary>
/// <param name="Id">The summary's id.</param>
/// <param name="ConversationId">The conversation the thread belongs to.</param>
/// <param name="UserIds">The humans who took part in the thread: the only users it is ever recalled for.</param>
/// <param name="CharacterIds">The characters who spoke in the thread.</param>
/// <param name="Text">The summary, at most three lines.</param>
/// <param name="Keywords">The thread's most frequent concepts, most frequent first.</param>
/// <param name="Model">The vector space of <paramref name="Vector"/> (<see cref="IEmbedder.Model"/>).</param>
/// <param name="Vector">The summary's embedding.</param>
/// <param name="FirstIndex">The index of the thread's first message in the conversation log.</param>
/// <param name="LastIndex">The index of its last message.</param>
/// <param name="TurnCount">How many messages the thread had.</param>
/// <param name="CreatedAt">When it was flushed.</param>
public sealed record SessionSummary(
    string Id,
    string ConversationId,
    IReadOnlyList<string> UserIds,
    IReadOnlyList<string> CharacterIds,
    string Text,
    IReadOnlyList<string> Keywords,
    string Model,
    float[] Vector,
    long FirstIndex,
    long LastIndex,
    int TurnCount,
    DateTimeOffset CreatedAt);
