using System.Text.Json.Nodes;

namespace LlmMultiChat.Grains.Characters.Cards;

/// <summary>
/// A card as a JSON tree that keeps every field it came with: <see cref="Root"/> is the whole card,
/// <see cref="Data"/> the object holding the character's fields (the root itself for a V1 card).
/// </summary>
internal sealed class CardDocument
{
    private CardDocument(JsonObject root, JsonObject data, CardSpec spec)
    {
        Root = root;
        Data = data;
        Spec = spec;
    }

    public JsonObject Root { get; }

    public JsonObject Data { get; }

    public CardSpec Spec { get; }

    /// <summary>Where the data's fields are, for error messages: "data." or nothing for V1.</summary>
    public string DataPath => Spec == CardSpec.V1 ? string.Empty : CardFields.Data + ".";

    /// <summary>Recognizes the format: a <c>spec</c> of chara_card_v2 or chara_card_v3 with a <c>data</c> object, or no <c>spec</c> at all (V1).</summary>
    /// <exception cref="CharacterCardException">card_unsupported_spec, card_missing_field or card_bad_field.</exception>
    public static CardDocument Open(JsonObject root)
    {
        if (root[CardFields.Spec] is not { } specNode)
        {
            return new CardDocument(root, root, CardSpec.V1);
        }

        var spec = specNode is JsonValue value && value.TryGetValue<string>(out var text)
            ? text switch
            {
                CardFields.V2Spec => CardSpec.V2,
                CardFields.V3Spec => CardSpec.V3,
                _ => throw Unsupported($"'{Shorten(text)}'"),
            }
            : throw Unsupported($"not text but {specNode.GetValueKind()}");

        return root[CardFields.Data] switch
        {
            JsonObject data => new CardDocument(root, data, spec),
            null => throw new CharacterCardException(CharacterCardErrorCodes.MissingField, "The card has no 'data' object (a V2 or V3 card keeps its fields in it)."),
            _ => throw new CharacterCardException(CharacterCardErrorCodes.BadField, "The card's 'data' is not an object."),
        };
    }

    /// <summary>An empty card of the given format with every field the spec requires.</summary>
    public static CardDocument Create(CardSpec spec)
    {
        RequireExportable(spec);
        var data = new JsonObject();
        foreach (var field in CardFields.V1Fields)
        {
            data[field] = string.Empty;
        }

        AddV2Defaults(data);
        var root = new JsonObject
        {
            [CardFields.Spec] = SpecString(spec),
            [CardFields.SpecVersion] = SpecVersion(spec),
            [CardFields.Data] = data,
        };
        if (spec == CardSpec.V3)
        {
            data[CardFields.GroupOnlyGreetings] = new JsonArray();
        }

        return new CardDocument(root, data, spec);
    }

    /// <summary>
    /// A copy in another format, keeping every field. V1 becomes V2/V3 with its fields copied into <c>data</c> (the
    /// top-level ones stay, as SillyTavern's exports have them). Between V2 and V3 only <c>spec</c> and
    /// <c>spec_version</c> change, plus V3's required <c>group_only_greetings</c>: added empty for V3, and dropped
    /// again going back to V2 when still empty, so V2 → V3 → V2 gives the V2 card back unchanged.
    /// </summary>
    public CardDocument ConvertTo(CardSpec target)
    {
        RequireExportable(target);
        JsonObject root;
        JsonObject data;
        if (Spec == CardSpec.V1)
        {
            data = new JsonObject();
            foreach (var field in CardFields.V1Fields)
            {
                data[field] = Root[field]?.DeepClone() ?? string.Empty;
            }

            AddV2Defaults(data);
            root = new JsonObject { [CardFields.Spec] = SpecString(target), [CardFields.SpecVersion] = SpecVersion(target) };
            foreach (var (key, value) in Root)
            {
                if (key is not (CardFields.Spec or CardFields.SpecVersion or CardFields.Data))
                {
                    root[key] = value?.DeepClone();
                }
            }

            root[CardFields.Data] = data;
        }
        else
        {
            root = (JsonObject)Root.DeepClone();
            data = (JsonObject)root[CardFields.Data]!;
            if (Spec != target)
            {
                root[CardFields.Spec] = SpecString(target);
                root[CardFields.SpecVersion] = SpecVersion(target);
                if (target == CardSpec.V2 && data[CardFields.GroupOnlyGreetings] is JsonArray { Count: 0 })
                {
                    data.Remove(CardFields.GroupOnlyGreetings);
                }
            }
        }

        if (target == CardSpec.V3 && !data.ContainsKey(CardFields.GroupOnlyGreetings))
        {
            data[CardFields.GroupOnlyGreetings] = new JsonArray();
        }

        return new CardDocument(root, data, target);
    }

    private static void AddV2Defaults(JsonObject data)
    {
        data[CardFields.CreatorNotes] = string.Empty;
        data[CardFields.SystemPrompt] = string.Empty;
        data[CardFields.PostHistoryInstructions] = string.Empty;
        data[CardFields.AlternateGreetings] = new JsonArray();
        data[CardFields.Tags] = new JsonArray();
        data[CardFields.Creator] = string.Empty;
        data[CardFields.CharacterVersion] = string.Empty;
        data[CardFields.Extensions] = new JsonObject();
    }

    private static void RequireExportable(CardSpec spec)
    {
        if (spec is not (CardSpec.V2 or CardSpec.V3))
        {
            throw new ArgumentOutOfRangeException(nameof(spec), spec, "Cards are written as V2 or V3.");
        }
    }

    private static string SpecString(CardSpec spec) => spec == CardSpec.V3 ? CardFields.V3Spec : CardFields.V2Spec;

    private static string SpecVersion(CardSpec spec) => spec == CardSpec.V3 ? CardFields.V3Version : CardFields.V2Version;

    private static CharacterCardException Unsupported(string what) =>
        new(CharacterCardErrorCodes.UnsupportedSpec, $"The card's spec is {what}; supported are '{CardFields.V2Spec}', '{CardFields.V3Spec}', or none (V1).");

    private static string Shorten(string text)
    {
        if (text.Length <= 40)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[39]) ? 39 : 40;
        return text[..cut] + "…";
    }
}
