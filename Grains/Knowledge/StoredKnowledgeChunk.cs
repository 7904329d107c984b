using LlmMultiChat.Grains.Memory;
namespace LlmMultiChat.Grains.Knowledge;

/// <summary>One chunk and its vector, packed (<see cref="PackedVector"/>) so the JSON state stays compact.</summary>
public sealed record StoredKnowledgeChunk(string Text, byte[] Vector);
