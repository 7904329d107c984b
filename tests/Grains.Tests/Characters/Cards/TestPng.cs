using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace LlmMultiChat.Grains.Tests.Characters.Cards;

/// <summary>
/// A PNG chunk reader and writer for the tests, independent of the production one: its CRC is computed bit by bit,
/// not from a table, so a wrong table would not go unnoticed.
/// </summary>
internal static class TestPng
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static uint BitwiseCrc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>Every chunk, after asserting the signature, each CRC, IHDR first, IEND last and nothing after it.</summary>
    public static List<(string Type, byte[] Data)> ReadValid(byte[] png)
    {
        Assert.Equal(Signature, png.AsSpan(0, 8).ToArray());
        var chunks = new List<(string, byte[])>();
        var offset = 8;
        while (offset < png.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length).ToArray();
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.True(crc == BitwiseCrc(png.AsSpan(offset + 4, 4 + length)), $"CRC of chunk {type} at {offset}");
            chunks.Add((type, data));
            offset += 12 + length;
        }

        Assert.Equal(png.Length, offset);
        Assert.Equal("IHDR", chunks[0].Item1);
        Assert.Equal(13, chunks[0].Item2.Length);
        Assert.Equal("IEND", chunks[^1].Item1);
        Assert.Single(chunks, chunk => chunk.Item1 == "IEND");
        return chunks;
    }

    public static byte[] Write(IEnumerable<(string Type, byte[] Data)> chunks)
    {
        using var output = new MemoryStream();
        output.Write(Signature);
        Span<byte> number = stackalloc byte[4];
        foreach (var (type, data) in chunks)
        {
            BinaryPrimitives.WriteUInt32BigEndian(number, (uint)data.Length);
            output.Write(number);
            var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            output.Write(typeAndData);
            BinaryPrimitives.WriteUInt32BigEndian(number, BitwiseCrc(typeAndData));
            output.Write(number);
        }

        return output.ToArray();
    }

    /// <summary>A 2×2 RGB image: IHDR, one IDAT, IEND.</summary>
    public static List<(string Type, byte[] Data)> SmallImage()
    {
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, 2);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 2);
        header[8] = 8;
        header[9] = 2;
        byte[] raw = [0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255];
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        return [("IHDR", header), ("IDAT", compressed.ToArray()), ("IEND", [])];
    }

    public static (string, byte[]) Text(string keyword, string text) => ("tEXt", Latin1(keyword, 0, text));

    public static (string, byte[]) CompressedText(string keyword, string text)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(Encoding.Latin1.GetBytes(text));
        }

        return ("zTXt", [.. Encoding.Latin1.GetBytes(keyword), 0, 0, .. compressed.ToArray()]);
    }

    public static (string, byte[]) InternationalText(string keyword, string text) =>
        ("iTXt", [.. Encoding.Latin1.GetBytes(keyword), 0, 0, 0, 0, 0, .. Encoding.UTF8.GetBytes(text)]);

    /// <summary>The small image with the given chunks inserted before IEND.</summary>
    public static byte[] ImageWith(params (string Type, byte[] Data)[] extra)
    {
        var chunks = SmallImage();
        chunks.InsertRange(chunks.Count - 1, extra);
        return Write(chunks);
    }

    /// <summary>The text chunks (tEXt) as keyword → decoded base64 UTF-8 text, for the card chunks.</summary>
    public static string CardText(byte[] png, string keyword)
    {
        var chunk = Assert.Single(ReadValid(png), c => c.Type == "tEXt" && Keyword(c.Data) == keyword);
        var text = Encoding.Latin1.GetString(chunk.Data, keyword.Length + 1, chunk.Data.Length - keyword.Length - 1);
        return Encoding.UTF8.GetString(Convert.FromBase64String(text));
    }

    public static string Keyword(byte[] data) => Encoding.Latin1.GetString(data, 0, Array.IndexOf(data, (byte)0));

    private static byte[] Latin1(string keyword, byte separator, string text) =>
        [.. Encoding.Latin1.GetBytes(keyword), separator, .. Encoding.Latin1.GetBytes(text)];
}
