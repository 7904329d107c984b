namespace LlmMultiChat.Grains.Characters.Cards;

/// <summary>One PNG chunk: its four-letter type and its data (the length and CRC are derived when written).</summary>
internal readonly record struct PngChunk(string Type, ReadOnlyMemory<byte> Data);
