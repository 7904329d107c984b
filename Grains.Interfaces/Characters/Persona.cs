namespace LlmMultiChat.Grains.Characters;

/// <summary>
/// Who a character is and how it speaks: the union of the seed documents' fields (name, description, gender,
/// background, personalities, roles, tones) and the upstream ones (speaking style, politeness, verbosity, emoji
/// use, example dialogue, greetings, talkativeness, keywords, tools, knowledge namespaces, model binding,
/// template). Immutable: a change is a new persona, and the character keeps every version.
/// </summary>
public sealed record Persona
{
    public required string Name { get; init; }

    /// <summary>Other names users address the character by (ルミナ, るみな, ...), matched case-insensitively.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public string Description { get; init; } = string.Empty;

    public string? Gender { get; init; }

    public string Background { get; init; } = string.Empty;

    public IReadOnlyList<string> Personalities { get; init; } = [];

    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlyList<string> Tones { get; init; } = [];

    public string SpeakingStyle { get; init; } = string.Empty;

    /// <summary>1 casual, 2 polite, 3 formal (the upstream scale).</summary>
    public int Politeness { get; init; } = 2;

    public Verbosity Verbosity { get; init; } = Verbosity.Medium;

    public EmojiUse EmojiUse { get; init; } = EmojiUse.Sparing;

    /// <summary>Sample exchanges in the character's voice (SillyTavern's mes_example).</summary>
    public string ExampleDialogue { get; init; } = string.Empty;

    /// <summary>Opening lines; the first is the default greeting.</summary>
    public IReadOnlyList<string> Greetings { get; init; } = [];

    /// <summary>How readily the character joins a group conversation unprompted, 0..1 (SillyTavern's talkativeness).</summary>
    public double Talkativeness { get; init; } = 0.5;

    /// <summary>Words that make this character the one to answer (調べて, 説明, ...).</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary>Knowledge-base namespaces the character prefers (movie, history, ...).</summary>
    public IReadOnlyList<string> KnowledgeNamespaces { get; init; } = [];

    /// <summary>Which model speaks for the character; null uses Llm:DefaultModel.</summary>
    public ModelBinding? Model { get; init; }

    /// <summary>A prompt template by name; null lets the roles and personalities choose.</summary>
    public string? PromptTemplate { get; init; }

    /// <summary>Replaces the template's instructions (a card's system_prompt).</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>Placed after the history (a card's post_history_instructions).</summary>
    public string? PostHistoryInstructions { get; init; }

    /// <summary>The situation the character is in (a card's scenario).</summary>
    public string? Scenario { get; init; }

    /// <summary>What the character says when no model can answer.</summary>
    public string? FallbackLine { get; init; }

    /// <summary>
    /// The card this persona was imported from, as JSON. Export starts from it, so unknown fields, extensions and
    /// fields the persona does not model survive a round trip untouched. Null for characters made here.
    /// </summary>
    public string? SourceCard { get; init; }

    /// <summary>Value equality, lists compared element by element (a record alone would compare them by reference).</summary>
    public bool Equals(Persona? other) =>
        other is not null
        && Name == other.Name
        && Aliases.SequenceEqual(other.Aliases)
        && Description == other.Description
        && Gender == other.Gender
        && Background == other.Background
        && Personalities.SequenceEqual(other.Personalities)
        && Roles.SequenceEqual(other.Roles)
        && Tones.SequenceEqual(other.Tones)
        && SpeakingStyle == other.SpeakingStyle
        && Politeness == other.Politeness
        && Verbosity == other.Verbosity
        && EmojiUse == other.EmojiUse
        && ExampleDialogue == other.ExampleDialogue
        && Greetings.SequenceEqual(other.Greetings)
        && Talkativeness.Equals(other.Talkativeness)
        && Keywords.SequenceEqual(other.Keywords)
        && Tools.SequenceEqual(other.Tools)
        && KnowledgeNamespaces.SequenceEqual(other.KnowledgeNamespaces)
        && Model == other.Model
        && PromptTemplate == other.PromptTemplate
        && SystemPrompt == other.SystemPrompt
        && PostHistoryInstructions == other.PostHistoryInstructions
        && Scenario == other.Scenario
        && FallbackLine == other.FallbackLine
        && SourceCard == other.SourceCard;

    public override int GetHashCode() => HashCode.Combine(Name, Description, Politeness, Talkativeness, Model, Aliases.Count, Greetings.Count);
}
