using System.Text;
using System.Text.Json.Nodes;

namespace LlmMultiChat.Grains.Characters.Cards;

/// <summary>
/// Writes a persona as a card. It starts from the persona's <see cref="Persona.SourceCard"/> when there is one, so
/// every field the persona does not model (unknown ones, extensions, character_book, V3 assets, ...) comes back
/// untouched, and writes the persona's fields over it only where they changed.
/// </summary>
internal static class CardExporter
{
    public static string ExportJson(Persona persona, CardSpec spec, bool indented) =>
        CardJson.Serialize(Build(persona, spec), indented);

    /// <summary>The avatar (or a placeholder when it is empty) with a <c>chara</c> (V2) and a <c>ccv3</c> (V3) chunk.</summary>
    public static byte[] ExportPng(Persona persona, ReadOnlySpan<byte> avatarPng)
    {
        ArgumentNullException.ThrowIfNull(persona);
        var chunks = avatarPng.IsEmpty ? PlaceholderAvatar.Create(persona.Name) : PngFile.Read(avatarPng.ToArray());
        var v2 = Base64(CardJson.Serialize(Build(persona, CardSpec.V2), indented: false));
        var v3 = Base64(CardJson.Serialize(Build(persona, CardSpec.V3), indented: false));
        return PngFile.Write(PngTextChunks.WithCards(chunks, v2, v3));
    }

    public static JsonObject Build(Persona persona, CardSpec spec)
    {
        ArgumentNullException.ThrowIfNull(persona);
        ArgumentException.ThrowIfNullOrWhiteSpace(persona.Name, nameof(persona));

        if (persona.SourceCard is null)
        {
            var fresh = CardDocument.Create(spec);
            CardPersonaMapper.Write(fresh, persona, baseline: null);
            return fresh.Root;
        }

        var card = CardDocument.Open(CardJson.Parse(persona.SourceCard)).ConvertTo(spec);
        // What the stored card says now; only the persona's differences from it are written.
        var baseline = CardPersonaMapper.Read(card, limits: null);
        CardPersonaMapper.Write(card, persona, baseline);
        return card.Root;
    }

    private static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
