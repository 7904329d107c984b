using LlmMultiChat.Grains.Memory;

namespace LlmMultiChat.Grains.Characters;

/// <summary>The long-term memories and lessons a character keeps of its users, as last written.</summary>
public sealed class CharacterMemoryState
{
    public List<LongTermMemory> Memories { get; set; } = [];

    public List<Lesson> Lessons { get; set; } = [];
}
