using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace LlmMultiChat.Grains.Characters.Cards;

/// <summary>
/// Imports and exports SillyTavern character cards: V1, V2 (<c>chara_card_v2</c>) and V3 (<c>chara_card_v3</c>) as
/// JSON, or embedded in a PNG (<c>ccv3</c> and <c>chara</c> tEXt chunks, base64 JSON). Import refuses malformed
/// input with a <see cref="CharacterCardException"/> and nothing else; export round-trips every field of the card
/// the persona came from.
/// </summary>
public sealed class CharacterCards
{
    private readonly CharacterCardOptions _options;
    private readonly CardImporter _importer;

    public CharacterCards(IOptions<CharacterCardOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _options.Validate();
        _importer = new CardImporter(_options);
    }

    /// <summary>Imports a PNG card (recognized by its signature) or a JSON card.</summary>
    /// <exception cref="CharacterCardException">The input is not a well-formed card; see <see cref="CharacterCardErrorCodes"/>.</exception>
    public ImportedCard Import(ReadOnlySpan<byte> content) => _importer.Import(content);

    /// <summary>Reads at most the larger size limit from the stream (more is refused as card_too_large), then imports it.</summary>
    /// <exception cref="CharacterCardException">The input is not a well-formed card; see <see cref="CharacterCardErrorCodes"/>.</exception>
    public async Task<ImportedCard> ImportAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var limit = Math.Max(_options.MaxPngBytes, _options.MaxJsonBytes);
        using var buffer = new MemoryStream();
        var block = new byte[81_920];
        int read;
        while ((read = await content.ReadAsync(block, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new CharacterCardException(CharacterCardErrorCodes.TooLarge, $"The card is larger than {limit} bytes.");
            }

            buffer.Write(block, 0, read);
        }

        return Import(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Imports a JSON card (V1, V2 or V3) from its UTF-8 bytes.</summary>
    /// <exception cref="CharacterCardException">The input is not a well-formed card; see <see cref="CharacterCardErrorCodes"/>.</exception>
    public ImportedCard ImportJson(ReadOnlySpan<byte> utf8Json) => _importer.ImportJson(utf8Json);

    /// <summary>Imports a PNG card: the <c>ccv3</c> chunk when present, else the <c>chara</c> chunk.</summary>
    /// <exception cref="CharacterCardException">The input is not a well-formed card; see <see cref="CharacterCardErrorCodes"/>.</exception>
    public ImportedCard ImportPng(ReadOnlySpan<byte> png) => _importer.ImportPng(png);

    /// <summary>The persona as a V2 or V3 card (JSON text).</summary>
    /// <exception cref="CharacterCardException">The persona's stored source card is no longer readable.</exception>
    [SuppressMessage("Performance", "CA1822", Justification = "One injected service for import and export.")]
    public string ExportJson(Persona persona, CardSpec spec, bool indented = true) => CardExporter.ExportJson(persona, spec, indented);

    /// <summary>
    /// The avatar PNG with the persona embedded as a <c>chara</c> (V2) and a <c>ccv3</c> (V3) chunk, replacing any it
    /// had; its other chunks are kept. Without an avatar, a small generated placeholder image carries the card.
    /// </summary>
    /// <exception cref="CharacterCardException">The avatar is not a valid PNG, or the stored source card is no longer readable.</exception>
    [SuppressMessage("Performance", "CA1822", Justification = "One injected service for import and export.")]
    public byte[] ExportPng(Persona persona, ReadOnlySpan<byte> avatarPng = default) => CardExporter.ExportPng(persona, avatarPng);
}
