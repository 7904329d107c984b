namespace LlmMultiChat.Grains.Characters.Cards;

/// <summary>Limits on imported character cards, with their defaults. Bound from the "Characters:Cards" section.</summary>
public sealed class CharacterCardOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Characters:Cards";

    /// <summary>Largest PNG card accepted, in bytes (checked before anything is parsed).</summary>
    public int MaxPngBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Largest card JSON accepted, in UTF-8 bytes: a JSON file, or the decoded text of a PNG's card chunk.</summary>
    public int MaxJsonBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest name or nickname, in UTF-16 code units.</summary>
    public int MaxNameLength { get; set; } = 256;

    /// <summary>Longest text field the persona reads (description, greeting, example dialogue, ...), in UTF-16 code units.</summary>
    public int MaxTextLength { get; set; } = 100_000;

    /// <summary>Most greetings (first_mes plus alternate_greetings) a card may have.</summary>
    public int MaxGreetings { get; set; } = 1_000;

    /// <summary>Validates the options; throws with a message naming the bad one.</summary>
    public void Validate()
    {
        Require(MaxPngBytes > 0, nameof(MaxPngBytes));
        Require(MaxJsonBytes > 0, nameof(MaxJsonBytes));
        Require(MaxNameLength > 0, nameof(MaxNameLength));
        Require(MaxTextLength > 0, nameof(MaxTextLength));
        Require(MaxGreetings > 0, nameof(MaxGreetings));
    }

    private static void Require(bool condition, string name)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Character card option {name} must be positive.");
        }
    }
}
