using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace LlmMultiChat.Grains.Characters.Cards;

/// <summary>Card JSON in and out: strict parsing into a tree that keeps every field, and the two output shapes.</summary>
internal static class CardJson
{
    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        // A duplicate name would otherwise surface later as an ArgumentException from JsonObject.
        AllowDuplicateProperties = false,
        MaxDepth = 64,
    };

    // Japanese stays readable in an exported file (it is a download, never embedded in HTML).
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    /// <summary>The card's text and tree. A UTF-8 byte order mark is dropped.</summary>
    /// <exception cref="CharacterCardException">card_bad_utf8 or card_bad_json.</exception>
    public static (string Text, JsonObject Root) Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        if (!Utf8.IsValid(utf8))
        {
            throw new CharacterCardException(CharacterCardErrorCodes.BadUtf8, "The card is not valid UTF-8 text.");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8, documentOptions: ParseOptions);

            // The tree decodes strings lazily and throws InvalidOperationException for an escaped unpaired surrogate
            // ("\ud800"), which must not surface later from code that merely reads a field: decode everything now.
            DecodeAllStrings(root);
        }
        catch (JsonException ex)
        {
            throw new CharacterCardException(CharacterCardErrorCodes.BadJson, $"The card is not valid JSON: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new CharacterCardException(CharacterCardErrorCodes.BadUtf8, "The card contains text that is not valid Unicode (an escaped unpaired surrogate).", ex);
        }

        if (root is not JsonObject obj)
        {
            throw new CharacterCardException(CharacterCardErrorCodes.BadJson, "The card is not a JSON object.");
        }

        return (Encoding.UTF8.GetString(utf8), obj);
    }

    /// <summary>Parses a stored card (a persona's <see cref="Persona.SourceCard"/>).</summary>
    /// <exception cref="CharacterCardException">card_bad_utf8 or card_bad_json.</exception>
    public static JsonObject Parse(string text) => Parse(Encoding.UTF8.GetBytes(text)).Root;

    public static string Serialize(JsonObject root, bool indented) => root.ToJsonString(indented ? Indented : Compact);

    private static void DecodeAllStrings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    DecodeAllStrings(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    DecodeAllStrings(item);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                _ = value.GetValue<string>();
                break;
        }
    }
}
