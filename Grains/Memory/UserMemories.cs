namespace LlmMultiChat.Grains.Memory;

/// <summary>What one character keeps of one user: long-term memories and lessons.</summary>
public sealed record UserMemories(IReadOnlyList<LongTermMemory> Memories, IReadOnlyList<Lesson> Lessons)
{
    public static UserMemories None { get; } = new([], []);
}
