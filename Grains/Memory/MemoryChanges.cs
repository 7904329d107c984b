namespace LlmMultiChat.Grains.Memory;

/// <summary>What changed in a character's memory bank since it was last saved: rows to write (insert or replace) and ids to delete.</summary>
public sealed record MemoryChanges(
    IReadOnlyList<LongTermMemory> SavedMemories,
    IReadOnlyList<MemoryRowKey> DeletedMemories,
    IReadOnlyList<Lesson> SavedLessons,
    IReadOnlyList<MemoryRowKey> DeletedLessons)
{
    public bool IsEmpty => SavedMemories.Count == 0 && DeletedMemories.Count == 0 && SavedLessons.Count == 0 && DeletedLessons.Count == 0;
}
