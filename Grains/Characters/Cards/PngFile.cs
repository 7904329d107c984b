using System.Buffers.Binary;
using System.Text;

namespace LlmMultiChat.Grains.Characters.Cards;

/// <summary>
/// Reads and writes the chunk structure of a PNG (not its pixels). Reading checks the signature, every length and
/// CRC, that IHDR comes first and that IEND ends the file; bytes after IEND are ignored (and dropped on write).
/// </summary>
internal static class PngFile
{
    public const string Header = "IHDR";
    public const string End = "IEND";

    private const int MaxChunkLength = int.MaxValue;

    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool HasSignature(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    /// <exception cref="CharacterCardException">card_not_png or card_bad_png.</exception>
    public static List<PngChunk> Read(ReadOnlyMemory<byte> png)
    {
        var bytes = png.Span;
        if (!HasSignature(bytes))
        {
            throw new CharacterCardException(CharacterCardErrorCodes.NotPng, "The file is not a PNG image (its first bytes are not the PNG signature).");
        }

        var chunks = new List<PngChunk>();
        var offset = Signature.Length;
        while (true)
        {
            if (bytes.Length - offset < 12)
            {
                throw Bad(chunks.Count == 0 ? "it ends before its first chunk" : "it is truncated: it ends before its IEND chunk");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[offset..]);
            var typeBytes = bytes.Slice(offset + 4, 4);
            if (!IsChunkType(typeBytes))
            {
                throw Bad($"the chunk at byte {offset} has an invalid type");
            }

            var type = Encoding.ASCII.GetString(typeBytes);
            if (length > MaxChunkLength || length > (ulong)(bytes.Length - offset - 12))
            {
                throw Bad($"it is truncated: chunk {type} at byte {offset} claims {length} bytes");
            }

            var data = png.Slice(offset + 8, (int)length);
            var storedCrc = BinaryPrimitives.ReadUInt32BigEndian(bytes[(offset + 8 + (int)length)..]);
            if (Crc32.Compute(typeBytes, data.Span) != storedCrc)
            {
                throw Bad($"chunk {type} at byte {offset} fails its CRC check");
            }

            if (chunks.Count == 0 && type != Header)
            {
                throw Bad($"its first chunk is {type}, not IHDR");
            }

            chunks.Add(new PngChunk(type, data));
            offset += 12 + (int)length;
            if (type == End)
            {
                return chunks;
            }
        }
    }

    /// <summary>The signature and the chunks, each with its length and CRC.</summary>
    public static byte[] Write(IReadOnlyList<PngChunk> chunks)
    {
        var size = Signature.Length;
        foreach (var chunk in chunks)
        {
            size += 12 + chunk.Data.Length;
        }

        var output = new byte[size];
        Signature.CopyTo(output);
        var offset = Signature.Length;
        Span<byte> type = stackalloc byte[4];
        foreach (var chunk in chunks)
        {
            for (var i = 0; i < 4; i++)
            {
                type[i] = (byte)chunk.Type[i];
            }

            BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(offset), (uint)chunk.Data.Length);
            type.CopyTo(output.AsSpan(offset + 4));
            chunk.Data.Span.CopyTo(output.AsSpan(offset + 8));
            BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(offset + 8 + chunk.Data.Length), Crc32.Compute(type, chunk.Data.Span));
            offset += 12 + chunk.Data.Length;
        }

        return output;
    }

    private static bool IsChunkType(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                return false;
            }
        }

        return true;
    }

    private static CharacterCardException Bad(string what) =>
        new(CharacterCardErrorCodes.BadPng, $"The PNG image is damaged: {what}.");
}
