using System.Text;

namespace LlmMultiChat.Grains.Characters.Cards;

/// <summary>
/// The PNG text chunks that carry cards: SillyTavern writes the V2 card as base64 JSON in a <c>tEXt</c> chunk with
/// keyword <c>chara</c>, the V3 card in one with keyword <c>ccv3</c>. Keywords match case-insensitively, as
/// SillyTavern matches them.
/// </summary>
internal static class PngTextChunks
{
    public const string Text = "tEXt";
    public const string CompressedText = "zTXt";
    public const string InternationalText = "iTXt";
    public const string CardV2Keyword = "chara";
    public const string CardV3Keyword = "ccv3";

    /// <summary>The Latin-1 text of the first tEXt chunk named <c>ccv3</c>, else of the first named <c>chara</c>.</summary>
    public static bool TryFindCard(IReadOnlyList<PngChunk> chunks, out string keyword, out ReadOnlyMemory<byte> text)
    {
        foreach (var wanted in (ReadOnlySpan<string>)[CardV3Keyword, CardV2Keyword])
        {
            foreach (var chunk in chunks)
            {
                if (chunk.Type == Text && TryKeyword(chunk, out var name, out var separator) && name.Equals(wanted, StringComparison.OrdinalIgnoreCase))
                {
                    keyword = wanted;
                    text = chunk.Data[(separator + 1)..];
                    return true;
                }
            }
        }

        keyword = string.Empty;
        text = default;
        return false;
    }

    /// <summary>
    /// The chunks without any text chunk (tEXt, zTXt or iTXt) named <c>chara</c> or <c>ccv3</c>, so a new card is
    /// never written next to an old one that a reader might pick instead.
    /// </summary>
    public static List<PngChunk> WithoutCards(IEnumerable<PngChunk> chunks) => chunks.Where(chunk => !IsCard(chunk)).ToList();

    /// <summary>The chunks without card chunks, then the given card chunks just before IEND (where SillyTavern puts them).</summary>
    public static List<PngChunk> WithCards(IEnumerable<PngChunk> chunks, string v2Base64, string v3Base64)
    {
        var result = WithoutCards(chunks);
        var end = result.FindIndex(chunk => chunk.Type == PngFile.End);
        result.InsertRange(end < 0 ? result.Count : end, [Create(CardV2Keyword, v2Base64), Create(CardV3Keyword, v3Base64)]);
        return result;
    }

    /// <summary>A tEXt chunk: the keyword, a zero byte, the text (ASCII here: keywords and base64).</summary>
    public static PngChunk Create(string keyword, string asciiText)
    {
        var data = new byte[keyword.Length + 1 + asciiText.Length];
        Encoding.ASCII.GetBytes(keyword, data);
        Encoding.ASCII.GetBytes(asciiText, data.AsSpan(keyword.Length + 1));
        return new PngChunk(Text, data);
    }

    private static bool IsCard(PngChunk chunk) =>
        chunk.Type is Text or CompressedText or InternationalText
        && TryKeyword(chunk, out var keyword, out _)
        && (keyword.Equals(CardV2Keyword, StringComparison.OrdinalIgnoreCase) || keyword.Equals(CardV3Keyword, StringComparison.OrdinalIgnoreCase));

    // Every text chunk starts with a Latin-1 keyword of 1 to 79 bytes and a zero byte; a chunk without one names nothing.
    private static bool TryKeyword(PngChunk chunk, out string keyword, out int separator)
    {
        var data = chunk.Data.Span;
        separator = data[..Math.Min(data.Length, 80)].IndexOf((byte)0);
        keyword = separator > 0 ? Encoding.Latin1.GetString(data[..separator]) : string.Empty;
        return separator > 0;
    }
}
