namespace LlmMultiChat.Grains.Characters.Cards;

/// <summary>Stable codes of <see cref="CharacterCardException"/>, for APIs and clients.</summary>
public static class CharacterCardErrorCodes
{
    /// <summary>The input is larger than the configured limit (checked before it is parsed).</summary>
    public const string TooLarge = "card_too_large";

    /// <summary>The input does not start with the PNG signature.</summary>
    public const string NotPng = "card_not_png";

    /// <summary>The PNG is truncated, a chunk's CRC is wrong, or its structure is broken (IHDR not first, no IEND).</summary>
    public const string BadPng = "card_bad_png";

    /// <summary>The PNG has no <c>ccv3</c> or <c>chara</c> tEXt chunk.</summary>
    public const string NoCardChunk = "card_no_card_chunk";

    /// <summary>The card chunk is not valid base64.</summary>
    public const string BadBase64 = "card_bad_base64";

    /// <summary>The text is not valid UTF-8 (or a JSON string escapes an unpaired surrogate).</summary>
    public const string BadUtf8 = "card_bad_utf8";

    /// <summary>The text is not a JSON object (syntax error, duplicate property, too deep, not an object).</summary>
    public const string BadJson = "card_bad_json";

    /// <summary>The <c>spec</c> is neither <c>chara_card_v2</c> nor <c>chara_card_v3</c>.</summary>
    public const string UnsupportedSpec = "card_unsupported_spec";

    /// <summary>A required field is absent or empty: <c>name</c> (V1), <c>data</c> or <c>data.name</c> (V2, V3).</summary>
    public const string MissingField = "card_missing_field";

    /// <summary>A field the persona reads has the wrong JSON type (a number where text belongs, ...).</summary>
    public const string BadField = "card_bad_field";

    /// <summary>A text field is longer than the configured limit, or there are too many greetings.</summary>
    public const string FieldTooLong = "card_field_too_long";
}
