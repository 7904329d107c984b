using System.Buffers.Text;
using System.Text;

namespace LlmMultiChat.Grains.Characters.Cards;

/// <summary>
/// Turns a card file into a persona. Sizes are checked before anything is parsed; every way the input can be wrong
/// ends in a <see cref="CharacterCardException"/>, and nothing is created.
/// </summary>
internal sealed class CardImporter(CharacterCardOptions options)
{
    /// <summary>A PNG when it starts with the PNG signature, JSON otherwise.</summary>
    public ImportedCard Import(ReadOnlySpan<byte> content) =>
        PngFile.HasSignature(content) ? ImportPng(content) : ImportJson(content);

    public ImportedCard ImportJson(ReadOnlySpan<byte> utf8Json)
    {
        RequireAtMost(utf8Json.Length, options.MaxJsonBytes, "card JSON");
        return FromJson(utf8Json, avatar: null);
    }

    /// <summary>Reads the <c>ccv3</c> chunk, else the <c>chara</c> chunk; the image, without them, becomes the avatar.</summary>
    public ImportedCard ImportPng(ReadOnlySpan<byte> png)
    {
        RequireAtMost(png.Length, options.MaxPngBytes, "PNG card");
        var chunks = PngFile.Read(png.ToArray());
        if (!PngTextChunks.TryFindCard(chunks, out var keyword, out var text))
        {
            throw new CharacterCardException(
                CharacterCardErrorCodes.NoCardChunk,
                $"The PNG image carries no character card (no '{PngTextChunks.CardV3Keyword}' or '{PngTextChunks.CardV2Keyword}' text chunk).");
        }

        var json = DecodeBase64(text.Span, keyword);
        return FromJson(json, PngFile.Write(PngTextChunks.WithoutCards(chunks)));
    }

    private ImportedCard FromJson(ReadOnlySpan<byte> utf8Json, byte[]? avatar)
    {
        var (text, root) = CardJson.Parse(utf8Json);
        var card = CardDocument.Open(root);
        var persona = CardPersonaMapper.Read(card, options) with { SourceCard = text };
        return new ImportedCard(persona, card.Spec, avatar);
    }

    private byte[] DecodeBase64(ReadOnlySpan<byte> latin1, string keyword)
    {
        // Base64.IsValid tolerates the whitespace some writers wrap lines with, as Convert does below.
        if (!Base64.IsValid(latin1, out var decodedLength))
        {
            throw new CharacterCardException(CharacterCardErrorCodes.BadBase64, $"The PNG's '{keyword}' chunk is not valid base64.");
        }

        RequireAtMost(decodedLength, options.MaxJsonBytes, $"card JSON in the PNG's '{keyword}' chunk");
        var bytes = new byte[decodedLength];
        if (!Convert.TryFromBase64String(Encoding.Latin1.GetString(latin1), bytes, out var written) || written != decodedLength)
        {
            throw new CharacterCardException(CharacterCardErrorCodes.BadBase64, $"The PNG's '{keyword}' chunk is not valid base64.");
        }

        return bytes;
    }

    private static void RequireAtMost(long size, int limit, string what)
    {
        if (size > limit)
        {
            throw new CharacterCardException(
                CharacterCardErrorCodes.TooLarge,
                $"The {what} is {size} bytes; at most {limit} are accepted.");
        }
    }
}
