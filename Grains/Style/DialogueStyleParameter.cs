namespace LlmMultiChat.Grains.Style;

/// <summary>The six dimensions of how a character speaks to one user (upstream spec §6.4).</summary>
public enum DialogueStyleParameter
{
    Formality,
    Verbosity,
    Humor,
    TechnicalLevel,
    Empathy,
    Proactivity,
}
