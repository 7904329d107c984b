using System.Globalization;

namespace LlmMultiChat.Grains.Characters;

/// <summary>What makes a persona valid. Checked whenever one is stored; every limit is named once here.</summary>
public static class PersonaRules
{
    public const int MaxNameLength = 100;
    public const int MaxListItems = 50;
    public const int MaxListItemLength = 200;
    public const int MaxTextLength = 10_000;
    public const int MaxLongTextLength = 20_000;
    public const int MaxSourceCardLength = 1 << 20;

    /// <exception cref="ArgumentException">The first rule the persona breaks, naming the field.</exception>
    public static void Validate(Persona persona)
    {
        ArgumentNullException.ThrowIfNull(persona);
        Text(persona.Name, nameof(Persona.Name), MaxNameLength, required: true);
        List(persona.Aliases, nameof(Persona.Aliases), MaxNameLength);
        Text(persona.Description, nameof(Persona.Description), MaxTextLength);
        Text(persona.Gender, nameof(Persona.Gender), MaxListItemLength);
        Text(persona.Background, nameof(Persona.Background), MaxTextLength);
        List(persona.Personalities, nameof(Persona.Personalities), MaxListItemLength);
        List(persona.Roles, nameof(Persona.Roles), MaxListItemLength);
        List(persona.Tones, nameof(Persona.Tones), MaxListItemLength);
        Text(persona.SpeakingStyle, nameof(Persona.SpeakingStyle), MaxTextLength);
        Text(persona.ExampleDialogue, nameof(Persona.ExampleDialogue), MaxLongTextLength);
        List(persona.Greetings, nameof(Persona.Greetings), MaxTextLength);
        List(persona.Keywords, nameof(Persona.Keywords), MaxListItemLength);
        List(persona.Tools, nameof(Persona.Tools), MaxListItemLength);
        List(persona.KnowledgeNamespaces, nameof(Persona.KnowledgeNamespaces), MaxListItemLength);
        Text(persona.PromptTemplate, nameof(Persona.PromptTemplate), MaxListItemLength);
        Text(persona.SystemPrompt, nameof(Persona.SystemPrompt), MaxLongTextLength);
        Text(persona.PostHistoryInstructions, nameof(Persona.PostHistoryInstructions), MaxTextLength);
        Text(persona.Scenario, nameof(Persona.Scenario), MaxTextLength);
        Text(persona.FallbackLine, nameof(Persona.FallbackLine), MaxTextLength);
        Text(persona.SourceCard, nameof(Persona.SourceCard), MaxSourceCardLength);
        Range(persona.Politeness, 1, 3, nameof(Persona.Politeness));
        Range(persona.Talkativeness, 0, 1, nameof(Persona.Talkativeness));
        if (!Enum.IsDefined(persona.Verbosity) || !Enum.IsDefined(persona.EmojiUse))
        {
            throw new ArgumentException("Verbosity or EmojiUse is not one of the defined values.", nameof(persona));
        }

        if (persona.Model is { } model)
        {
            Text(model.Provider, "Model.Provider", MaxListItemLength, required: true);
            Text(model.Model, "Model.Model", MaxListItemLength, required: true);
            Range(model.Temperature, 0, 2, "Model.Temperature");
            Range(model.TopP, 0, 1, "Model.TopP");
            Range(model.MaxTokens, 1, 100_000, "Model.MaxTokens");
        }
    }

    private static void Text(string? value, string field, int maxLength, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                throw new ArgumentException($"{field} must not be empty.", field);
            }

            return;
        }

        if (value.Length > maxLength)
        {
            throw new ArgumentException($"{field} is {value.Length} characters long; the limit is {maxLength}.", field);
        }
    }

    private static void List(IReadOnlyList<string>? values, string field, int maxItemLength)
    {
        if (values is null)
        {
            throw new ArgumentException($"{field} must be a list (it may be empty).", field);
        }

        if (values.Count > MaxListItems)
        {
            throw new ArgumentException($"{field} has {values.Count} items; the limit is {MaxListItems}.", field);
        }

        for (var i = 0; i < values.Count; i++)
        {
            Text(values[i], string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]"), maxItemLength, required: true);
        }
    }

    private static void Range(double? value, double min, double max, string field)
    {
        if (value is { } number && (double.IsNaN(number) || number < min || number > max))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{field} is {number}; it must be between {min} and {max}."), field);
        }
    }
}
