using System.Buffers.Binary;
using System.IO.Compression;

namespace LlmMultiChat.Grains.Characters.Cards;

/// <summary>
/// A small PNG for a character without an avatar, so a card can still be exported as a PNG: one soft colour, chosen
/// from the name so the same character always gets the same one.
/// </summary>
internal static class PlaceholderAvatar
{
    public const int Size = 64;

    public static List<PngChunk> Create(string name)
    {
        var (r, g, b) = ColourFor(name);

        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, Size);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), Size);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB; compression, filter and interlace stay 0

        // Each scanline is a filter byte (0: none) and the row's pixels.
        var raw = new byte[Size * (1 + (Size * 3))];
        for (var y = 0; y < Size; y++)
        {
            var row = raw.AsSpan(y * (1 + (Size * 3)));
            for (var x = 0; x < Size; x++)
            {
                row[1 + (x * 3)] = r;
                row[2 + (x * 3)] = g;
                row[3 + (x * 3)] = b;
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        return
        [
            new PngChunk(PngFile.Header, header),
            new PngChunk("IDAT", compressed.ToArray()),
            new PngChunk(PngFile.End, Array.Empty<byte>()),
        ];
    }

    private static (byte R, byte G, byte B) ColourFor(string name)
    {
        // FNV-1a: stable across processes, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        var hue = hash % 360 / 60.0;
        const double value = 0.85;
        const double chroma = value * 0.4;
        var x = chroma * (1 - Math.Abs((hue % 2) - 1));
        var (r, g, b) = (int)hue switch
        {
            0 => (chroma, x, 0.0),
            1 => (x, chroma, 0.0),
            2 => (0.0, chroma, x),
            3 => (0.0, x, chroma),
            4 => (x, 0.0, chroma),
            _ => (chroma, 0.0, x),
        };
        var m = value - chroma;
        return (ToByte(r + m), ToByte(g + m), ToByte(b + m));
    }

    private static byte ToByte(double channel) => (byte)Math.Round(channel * 255);
}
