namespace LlmMultiChat.Grains.Knowledge;

/// <summary>A chunk's key in the vector index: its document and its position there.</summary>
internal readonly record struct ChunkKey(string DocumentId, int Index);
