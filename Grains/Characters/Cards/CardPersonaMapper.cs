using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LlmMultiChat.Grains.Characters.Cards;

/// <summary>
/// Card fields ↔ persona fields. The mapping (also in docs/decisions.md, "Character cards"):
/// <list type="bullet">
/// <item>name → Name (required); description → Description; scenario → Scenario; mes_example → ExampleDialogue;
/// system_prompt → SystemPrompt; post_history_instructions → PostHistoryInstructions (empty text and absent are
/// the same: null).</item>
/// <item>personality → Personalities, split on commas (, ，、), semicolons and line breaks; written back joined with
/// ", ".</item>
/// <item>first_mes, then alternate_greetings → Greetings (blank ones dropped). V3 group_only_greetings stay in the
/// card only: a persona's greetings also open one-to-one chats, where a line written for a group is wrong.</item>
/// <item>extensions.talkativeness (number or numeric text; else SillyTavern's top-level talkativeness) →
/// Talkativeness, clamped to 0..1, 0.5 when absent or unreadable.</item>
/// <item>nickname (V3) → the first alias.</item>
/// <item>Persona fields no card format has (gender, background, roles, tones, speaking style, politeness,
/// verbosity, emoji use, keywords, tools, knowledge namespaces, model, prompt template, fallback line, and the
/// exact alias and personality lists when the card fields cannot carry them) live in extensions.llmmultichat,
/// written only when they differ from the persona defaults. They are read leniently: a value of the wrong type
/// counts as absent, since a foreign editor may have touched it.</item>
/// </list>
/// Everything else (tags, creator, creator_notes, character_version, character_book, assets, source, dates,
/// unknown fields and extension keys) is not read; it stays in the card, which the persona keeps as its source.
/// </summary>
internal static class CardPersonaMapper
{
    public const string PersonalitySeparator = ", ";

    private const string AliasesKey = "aliases";
    private const string PersonalitiesKey = "personalities";
    private const string GenderKey = "gender";
    private const string BackgroundKey = "background";
    private const string RolesKey = "roles";
    private const string TonesKey = "tones";
    private const string SpeakingStyleKey = "speaking_style";
    private const string PolitenessKey = "politeness";
    private const string VerbosityKey = "verbosity";
    private const string EmojiUseKey = "emoji_use";
    private const string KeywordsKey = "keywords";
    private const string ToolsKey = "tools";
    private const string KnowledgeNamespacesKey = "knowledge_namespaces";
    private const string ModelKey = "model";
    private const string PromptTemplateKey = "prompt_template";
    private const string FallbackLineKey = "fallback_line";
    private const string ProviderKey = "provider";
    private const string ModelNameKey = "model";
    private const string TemperatureKey = "temperature";
    private const string TopPKey = "top_p";
    private const string MaxTokensKey = "max_tokens";

    private static readonly char[] PersonalitySeparators = [',', '，', '、', ';', '；', '\n', '\r'];

    private static readonly Persona Defaults = new() { Name = string.Empty };

    /// <summary>
    /// The persona a card describes (without <see cref="Persona.SourceCard"/>). With <paramref name="limits"/>, text
    /// lengths and the greeting count are checked; without, a stored card is read as it is.
    /// </summary>
    /// <exception cref="CharacterCardException">card_missing_field, card_bad_field or card_field_too_long.</exception>
    public static Persona Read(CardDocument card, CharacterCardOptions? limits)
    {
        var data = card.Data;
        var path = card.DataPath;
        var maxName = limits?.MaxNameLength;
        var maxText = limits?.MaxTextLength;

        var name = Text(data, CardFields.Name, path, maxName);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new CharacterCardException(CharacterCardErrorCodes.MissingField, $"The card has no name ('{path}{CardFields.Name}' is missing or empty).");
        }

        var extensions = data[CardFields.Extensions] switch
        {
            null => null,
            JsonObject obj => obj,
            _ => throw BadField(path + CardFields.Extensions, "an object"),
        };
        var ours = extensions?[CardFields.OurExtension] as JsonObject;
        var nickname = NullIfBlank(Text(data, CardFields.Nickname, path, maxName));

        return new Persona
        {
            Name = name,
            Aliases = ReadAliases(nickname, ours),
            Description = Text(data, CardFields.Description, path, maxText) ?? string.Empty,
            Gender = OurText(ours, GenderKey),
            Background = OurText(ours, BackgroundKey) ?? Defaults.Background,
            Personalities = ReadPersonalities(Text(data, CardFields.Personality, path, maxText) ?? string.Empty, ours),
            Roles = OurList(ours, RolesKey) ?? Defaults.Roles,
            Tones = OurList(ours, TonesKey) ?? Defaults.Tones,
            SpeakingStyle = OurText(ours, SpeakingStyleKey) ?? Defaults.SpeakingStyle,
            Politeness = OurInt(ours, PolitenessKey) ?? Defaults.Politeness,
            Verbosity = OurEnum(ours, VerbosityKey, Defaults.Verbosity),
            EmojiUse = OurEnum(ours, EmojiUseKey, Defaults.EmojiUse),
            ExampleDialogue = Text(data, CardFields.MessageExample, path, maxText) ?? string.Empty,
            Greetings = ReadGreetings(data, path, limits),
            Talkativeness = Fraction(extensions?[CardFields.Talkativeness]) ?? Fraction(card.Root[CardFields.Talkativeness]) ?? Defaults.Talkativeness,
            Keywords = OurList(ours, KeywordsKey) ?? Defaults.Keywords,
            Tools = OurList(ours, ToolsKey) ?? Defaults.Tools,
            KnowledgeNamespaces = OurList(ours, KnowledgeNamespacesKey) ?? Defaults.KnowledgeNamespaces,
            Model = OurModel(ours),
            PromptTemplate = OurText(ours, PromptTemplateKey),
            SystemPrompt = NullIfEmpty(Text(data, CardFields.SystemPrompt, path, maxText)),
            PostHistoryInstructions = NullIfEmpty(Text(data, CardFields.PostHistoryInstructions, path, maxText)),
            Scenario = NullIfEmpty(Text(data, CardFields.Scenario, path, maxText)),
            FallbackLine = OurText(ours, FallbackLineKey),
        };
    }

    /// <summary>
    /// Writes the persona into the card. With a <paramref name="baseline"/> (what the card read as before), only the
    /// fields whose persona value differs are written, so an unchanged field keeps its exact text and type (a
    /// personality paragraph, a talkativeness stored as "0.7") and the card round-trips untouched. Whatever is
    /// written reads back as the persona's value.
    /// </summary>
    public static void Write(CardDocument card, Persona persona, Persona? baseline)
    {
        var ours = new OurExtensionWriter(card);

        if (Changed(p => p.Name))
        {
            SetText(card, CardFields.Name, persona.Name);
        }

        if (Changed(p => p.Talkativeness))
        {
            WriteTalkativeness(card, persona.Talkativeness);
        }

        if (Changed(p => p.Description))
        {
            SetText(card, CardFields.Description, persona.Description);
        }

        if (ListChanged(p => p.Personalities))
        {
            var text = string.Join(PersonalitySeparator, persona.Personalities);
            SetText(card, CardFields.Personality, text);
            ours.Set(PersonalitiesKey, SplitPersonality(text).SequenceEqual(persona.Personalities, StringComparer.Ordinal) ? null : Array(persona.Personalities));
        }

        if (Changed(p => p.Scenario))
        {
            SetText(card, CardFields.Scenario, persona.Scenario ?? string.Empty);
        }

        if (ListChanged(p => p.Greetings))
        {
            SetText(card, CardFields.FirstMessage, persona.Greetings.Count > 0 ? persona.Greetings[0] : string.Empty);
            card.Data[CardFields.AlternateGreetings] = Array(persona.Greetings.Skip(1));
        }

        if (Changed(p => p.ExampleDialogue))
        {
            SetText(card, CardFields.MessageExample, persona.ExampleDialogue);
        }

        if (Changed(p => p.SystemPrompt))
        {
            SetText(card, CardFields.SystemPrompt, persona.SystemPrompt ?? string.Empty);
        }

        if (Changed(p => p.PostHistoryInstructions))
        {
            SetText(card, CardFields.PostHistoryInstructions, persona.PostHistoryInstructions ?? string.Empty);
        }

        if (ListChanged(p => p.Aliases))
        {
            // A nickname is never invented (V3 apps put it in place of {{char}}); the card's own one stays while the
            // persona still has it as an alias.
            var nickname = NullIfBlank(card.Data[CardFields.Nickname] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null);
            if (nickname is not null && !persona.Aliases.Contains(nickname, StringComparer.Ordinal))
            {
                card.Data.Remove(CardFields.Nickname);
                nickname = null;
            }

            var derived = nickname is null ? [] : new[] { nickname };
            ours.Set(AliasesKey, persona.Aliases.SequenceEqual(derived, StringComparer.Ordinal) ? null : Array(persona.Aliases));
        }

        WriteOurs(p => p.Gender, GenderKey, v => v);
        WriteOurs(p => p.Background, BackgroundKey, v => v);
        WriteOurList(p => p.Roles, RolesKey);
        WriteOurList(p => p.Tones, TonesKey);
        WriteOurs(p => p.SpeakingStyle, SpeakingStyleKey, v => v);
        WriteOurs(p => p.Politeness, PolitenessKey, v => v);
        WriteOurs(p => p.Verbosity, VerbosityKey, v => EnumName(v));
        WriteOurs(p => p.EmojiUse, EmojiUseKey, v => EnumName(v));
        WriteOurList(p => p.Keywords, KeywordsKey);
        WriteOurList(p => p.Tools, ToolsKey);
        WriteOurList(p => p.KnowledgeNamespaces, KnowledgeNamespacesKey);
        WriteOurs(p => p.Model, ModelKey, ModelObject);
        WriteOurs(p => p.PromptTemplate, PromptTemplateKey, v => v);
        WriteOurs(p => p.FallbackLine, FallbackLineKey, v => v);
        ours.RemoveIfEmpty();

        bool Changed<T>(Func<Persona, T> field) =>
            baseline is null || !EqualityComparer<T>.Default.Equals(field(baseline), field(persona));

        bool ListChanged(Func<Persona, IReadOnlyList<string>> field) =>
            baseline is null || !field(baseline).SequenceEqual(field(persona), StringComparer.Ordinal);

        void WriteOurs<T>(Func<Persona, T> field, string key, Func<T, JsonNode?> toJson)
        {
            if (Changed(field))
            {
                var value = field(persona);
                ours.Set(key, EqualityComparer<T>.Default.Equals(value, field(Defaults)) ? null : toJson(value));
            }
        }

        void WriteOurList(Func<Persona, IReadOnlyList<string>> field, string key)
        {
            if (ListChanged(field))
            {
                var value = field(persona);
                ours.Set(key, value.Count == 0 ? null : Array(value));
            }
        }
    }

    /// <summary>A personality text as a list: split on commas, semicolons and line breaks, trimmed, blanks dropped.</summary>
    public static IReadOnlyList<string> SplitPersonality(string text) =>
        text.Split(PersonalitySeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static List<string> ReadAliases(string? nickname, JsonObject? ours)
    {
        var exact = OurList(ours, AliasesKey);
        if (exact is null)
        {
            return nickname is null ? [] : [nickname];
        }

        return nickname is null || exact.Contains(nickname, StringComparer.Ordinal) ? exact : [nickname, .. exact];
    }

    // The exact list is used only while the card's text is still what that list was written as; an edit of the
    // personality elsewhere wins.
    private static IReadOnlyList<string> ReadPersonalities(string text, JsonObject? ours) =>
        OurList(ours, PersonalitiesKey) is { } exact && string.Join(PersonalitySeparator, exact) == text ? exact : SplitPersonality(text);

    private static List<string> ReadGreetings(JsonObject data, string path, CharacterCardOptions? limits)
    {
        var first = Text(data, CardFields.FirstMessage, path, limits?.MaxTextLength);
        var alternates = data[CardFields.AlternateGreetings] switch
        {
            null => (JsonArray?)null,
            JsonArray array => array,
            _ => throw BadField(path + CardFields.AlternateGreetings, "an array of text"),
        };

        var count = (first is null ? 0 : 1) + (alternates?.Count ?? 0);
        if (limits is not null && count > limits.MaxGreetings)
        {
            throw new CharacterCardException(
                CharacterCardErrorCodes.FieldTooLong,
                $"The card has {count} greetings; at most {limits.MaxGreetings} are accepted.");
        }

        var greetings = new List<string>(count);
        if (!string.IsNullOrWhiteSpace(first))
        {
            greetings.Add(first);
        }

        for (var i = 0; i < (alternates?.Count ?? 0); i++)
        {
            var item = alternates![i];
            if (item is null)
            {
                continue;
            }

            var fieldPath = $"{path}{CardFields.AlternateGreetings}[{i}]";
            if (item.GetValueKind() != JsonValueKind.String)
            {
                throw BadField(fieldPath, "text");
            }

            var greeting = CheckLength(item.GetValue<string>(), fieldPath, limits?.MaxTextLength);
            if (!string.IsNullOrWhiteSpace(greeting))
            {
                greetings.Add(greeting);
            }
        }

        return greetings;
    }

    // Absent and null read as null; anything but text is refused, since the persona would silently lose it.
    private static string? Text(JsonObject data, string key, string path, int? maxLength)
    {
        var node = data[key];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            throw BadField(path + key, "text");
        }

        return CheckLength(node.GetValue<string>(), path + key, maxLength);
    }

    private static string CheckLength(string text, string path, int? maxLength) =>
        maxLength is { } max && text.Length > max
            ? throw new CharacterCardException(
                CharacterCardErrorCodes.FieldTooLong,
                $"The card's '{path}' is {text.Length} characters long; at most {max} are accepted.")
            : text;

    private static void SetText(CardDocument card, string key, string value)
    {
        card.Data[key] = value;
        if (!ReferenceEquals(card.Root, card.Data) && card.Root.ContainsKey(key) && CardFields.TopLevelTextMirrors.Contains(key))
        {
            card.Root[key] = value;
        }
    }

    private static void WriteTalkativeness(CardDocument card, double talkativeness)
    {
        var value = double.IsFinite(talkativeness) ? Math.Clamp(talkativeness, 0, 1) : Defaults.Talkativeness;
        if (card.Data[CardFields.Extensions] is not JsonObject extensions)
        {
            extensions = [];
            card.Data[CardFields.Extensions] = extensions;
        }

        extensions[CardFields.Talkativeness] = value;
        if (!ReferenceEquals(card.Root, card.Data) && card.Root[CardFields.Talkativeness] is { } mirror)
        {
            // SillyTavern writes its top-level copy as text; keep whichever type the card used.
            card.Root[CardFields.Talkativeness] = mirror.GetValueKind() == JsonValueKind.String
                ? value.ToString("R", CultureInfo.InvariantCulture)
                : value;
        }
    }

    private static double? Fraction(JsonNode? node)
    {
        double number;
        switch (node?.GetValueKind())
        {
            case JsonValueKind.Number when node.AsValue().TryGetValue(out number):
                break;
            case JsonValueKind.String when double.TryParse(node.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out number):
                break;
            default:
                return null;
        }

        return double.IsFinite(number) ? Math.Clamp(number, 0, 1) : null;
    }

    private static string? OurText(JsonObject? ours, string key) =>
        ours?[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static List<string>? OurList(JsonObject? ours, string key)
    {
        if (ours?[key] is not JsonArray array)
        {
            return null;
        }

        var list = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                return null;
            }

            list.Add(value.GetValue<string>());
        }

        return list;
    }

    private static int? OurInt(JsonObject? ours, string key) =>
        ours?[key] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) ? number : null;

    private static double? OurDouble(JsonObject? obj, string key) =>
        obj?[key] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number) && double.IsFinite(number) ? number : null;

    private static T OurEnum<T>(JsonObject? ours, string key, T fallback)
        where T : struct, Enum
    {
        var text = OurText(ours, key);
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(EnumName(value), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return fallback;
    }

    private static ModelBinding? OurModel(JsonObject? ours)
    {
        if (ours?[ModelKey] is not JsonObject model || OurText(model, ProviderKey) is not { } provider || OurText(model, ModelNameKey) is not { } name)
        {
            return null;
        }

        return new ModelBinding(provider, name, OurDouble(model, TemperatureKey), OurDouble(model, TopPKey), OurInt(model, MaxTokensKey));
    }

    private static JsonObject? ModelObject(ModelBinding? model)
    {
        if (model is null)
        {
            return null;
        }

        var obj = new JsonObject { [ProviderKey] = model.Provider, [ModelNameKey] = model.Model };
        if (model.Temperature is { } temperature)
        {
            obj[TemperatureKey] = temperature;
        }

        if (model.TopP is { } topP)
        {
            obj[TopPKey] = topP;
        }

        if (model.MaxTokens is { } maxTokens)
        {
            obj[MaxTokensKey] = maxTokens;
        }

        return obj;
    }

    private static string EnumName<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static JsonArray Array(IEnumerable<string> items) => [.. items.Select(item => (JsonNode?)JsonValue.Create(item))];

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static CharacterCardException BadField(string path, string expected) =>
        new(CharacterCardErrorCodes.BadField, $"The card's '{path}' must be {expected}.");

    /// <summary>Sets and removes keys of extensions.llmmultichat, creating it on the first value and dropping it when left empty.</summary>
    private sealed class OurExtensionWriter(CardDocument card)
    {
        private bool _touched;

        public void Set(string key, JsonNode? value)
        {
            _touched = true;
            if (value is null)
            {
                Existing()?.Remove(key);
                return;
            }

            if (card.Data[CardFields.Extensions] is not JsonObject extensions)
            {
                extensions = [];
                card.Data[CardFields.Extensions] = extensions;
            }

            if (extensions[CardFields.OurExtension] is not JsonObject ours)
            {
                ours = [];
                extensions[CardFields.OurExtension] = ours;
            }

            ours[key] = value;
        }

        public void RemoveIfEmpty()
        {
            if (_touched && Existing() is { Count: 0 })
            {
                ((JsonObject)card.Data[CardFields.Extensions]!).Remove(CardFields.OurExtension);
            }
        }

        private JsonObject? Existing() =>
            (card.Data[CardFields.Extensions] as JsonObject)?[CardFields.OurExtension] as JsonObject;
    }
}
