using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.Grains.Prompting;

/// <summary>
/// What the templates see. Text is passed as it is (Handlebars never parses a value, and escaping is off); blank
/// values become null and blank list entries are dropped, so <c>{{#if}}</c> leaves their section out.
/// </summary>
internal sealed record SystemPromptModel
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Aliases { get; init; }

    public string? Description { get; init; }

    public string? Gender { get; init; }

    public string? Background { get; init; }

    public required IReadOnlyList<string> Personalities { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    public required IReadOnlyList<string> Tones { get; init; }

    public string? SpeakingStyle { get; init; }

    /// <summary>casual, polite or formal (<see cref="Persona.Politeness"/> 1, 2, 3; out-of-range values are clamped).</summary>
    public required string Politeness { get; init; }

    /// <summary>brief, medium or detailed.</summary>
    public required string Verbosity { get; init; }

    /// <summary>none, sparing or frequent.</summary>
    public required string EmojiUse { get; init; }

    public string? Scenario { get; init; }

    public required IReadOnlyList<string> Greetings { get; init; }

    public string? ExampleDialogue { get; init; }

    public string? EmotionTone { get; init; }

    public required PromptMemory Memory { get; init; }

    public required IReadOnlyList<string> UserStyle { get; init; }

    public string? SystemPrompt { get; init; }

    public string? PostHistoryInstructions { get; init; }

    /// <summary>Null in a conversation between one character and one human.</summary>
    public GroupPromptModel? Group { get; init; }

    public static SystemPromptModel From(PromptContext context)
    {
        var persona = context.Speaker;
        return new SystemPromptModel
        {
            Name = persona.Name,
            Aliases = Entries(persona.Aliases),
            Description = Text(persona.Description),
            Gender = Text(persona.Gender),
            Background = Text(persona.Background),
            Personalities = Entries(persona.Personalities),
            Roles = Entries(persona.Roles),
            Tones = Entries(persona.Tones),
            SpeakingStyle = Text(persona.SpeakingStyle),
            Politeness = Math.Clamp(persona.Politeness, 1, 3) switch
            {
                1 => "casual",
                2 => "polite",
                _ => "formal",
            },
            Verbosity = persona.Verbosity switch
            {
                Characters.Verbosity.Brief => "brief",
                Characters.Verbosity.Detailed => "detailed",
                _ => "medium",
            },
            EmojiUse = persona.EmojiUse switch
            {
                Characters.EmojiUse.None => "none",
                Characters.EmojiUse.Frequent => "frequent",
                _ => "sparing",
            },
            Scenario = Text(persona.Scenario),
            Greetings = Entries(persona.Greetings),
            ExampleDialogue = Text(persona.ExampleDialogue),
            EmotionTone = Text(context.EmotionTone),
            Memory = context.Memory ?? PromptMemory.None,
            UserStyle = Entries(context.UserStyle ?? []),
            SystemPrompt = Text(persona.SystemPrompt),
            PostHistoryInstructions = Text(persona.PostHistoryInstructions),
            Group = IsGroup(context) ? GroupOf(context) : null,
        };
    }

    /// <summary>More than one character, or more than one human: the speaker must be told who else is there.</summary>
    public static bool IsGroup(PromptContext context) => context.OtherCharacters.Count > 0 || context.Humans.Count > 1;

    private static GroupPromptModel GroupOf(PromptContext context) => new(
        [.. context.OtherCharacters.Select(c => new PromptParticipantModel(c.Id, c.Name))],
        [.. context.Humans.Select(h => new PromptParticipantModel(h.Id, h.Name))],
        context.OtherCharacters.Count > 0 ? context.OtherCharacters[0].Id : null);

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string[] Entries(IReadOnlyList<string> values) => [.. values.Where(v => !string.IsNullOrWhiteSpace(v))];
}
