using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.ApiHost.Characters;

/// <summary>
/// A persona as clients read and write it: every field of <see cref="Persona"/> except the imported card it came
/// from, which the server keeps (a client-written card would be trusted by export) and carries across edits.
/// Fields left out take the persona's defaults; an explicit null is refused where the field cannot be empty.
/// </summary>
public sealed record PersonaFields
{
    public required string Name { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public string Description { get; init; } = string.Empty;

    public string? Gender { get; init; }

    public string Background { get; init; } = string.Empty;

    public IReadOnlyList<string> Personalities { get; init; } = [];

    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlyList<string> Tones { get; init; } = [];

    public string SpeakingStyle { get; init; } = string.Empty;

    /// <summary>1 casual, 2 polite, 3 formal.</summary>
    public int Politeness { get; init; } = 2;

    public Verbosity Verbosity { get; init; } = Verbosity.Medium;

    public EmojiUse EmojiUse { get; init; } = EmojiUse.Sparing;

    public string ExampleDialogue { get; init; } = string.Empty;

    /// <summary>Opening lines; the first is the default greeting.</summary>
    public IReadOnlyList<string> Greetings { get; init; } = [];

    /// <summary>How readily the character joins a group conversation unprompted, 0..1.</summary>
    public double Talkativeness { get; init; } = 0.5;

    public IReadOnlyList<string> Keywords { get; init; } = [];

    public IReadOnlyList<string> Tools { get; init; } = [];

    public IReadOnlyList<string> KnowledgeNamespaces { get; init; } = [];

    /// <summary>The model that speaks for the character; null uses the configured default.</summary>
    public ModelBinding? Model { get; init; }

    public string? PromptTemplate { get; init; }

    public string? SystemPrompt { get; init; }

    public string? PostHistoryInstructions { get; init; }

    public string? Scenario { get; init; }

    public string? FallbackLine { get; init; }

    /// <param name="sourceCard">The card the character was imported from, kept by the server (null when made here).</param>
    public Persona ToPersona(string? sourceCard) => new()
    {
        Name = Name,
        Aliases = Aliases,
        Description = Description,
        Gender = Gender,
        Background = Background,
        Personalities = Personalities,
        Roles = Roles,
        Tones = Tones,
        SpeakingStyle = SpeakingStyle,
        Politeness = Politeness,
        Verbosity = Verbosity,
        EmojiUse = EmojiUse,
        ExampleDialogue = ExampleDialogue,
        Greetings = Greetings,
        Talkativeness = Talkativeness,
        Keywords = Keywords,
        Tools = Tools,
        KnowledgeNamespaces = KnowledgeNamespaces,
        Model = Model,
        PromptTemplate = PromptTemplate,
        SystemPrompt = SystemPrompt,
        PostHistoryInstructions = PostHistoryInstructions,
        Scenario = Scenario,
        FallbackLine = FallbackLine,
        SourceCard = sourceCard,
    };

    public static PersonaFields From(Persona persona)
    {
        ArgumentNullException.ThrowIfNull(persona);
        return new()
        {
            Name = persona.Name,
            Aliases = persona.Aliases,
            Description = persona.Description,
            Gender = persona.Gender,
            Background = persona.Background,
            Personalities = persona.Personalities,
            Roles = persona.Roles,
            Tones = persona.Tones,
            SpeakingStyle = persona.SpeakingStyle,
            Politeness = persona.Politeness,
            Verbosity = persona.Verbosity,
            EmojiUse = persona.EmojiUse,
            ExampleDialogue = persona.ExampleDialogue,
            Greetings = persona.Greetings,
            Talkativeness = persona.Talkativeness,
            Keywords = persona.Keywords,
            Tools = persona.Tools,
            KnowledgeNamespaces = persona.KnowledgeNamespaces,
            Model = persona.Model,
            PromptTemplate = persona.PromptTemplate,
            SystemPrompt = persona.SystemPrompt,
            PostHistoryInstructions = persona.PostHistoryInstructions,
            Scenario = persona.Scenario,
            FallbackLine = persona.FallbackLine,
        };
    }
}
