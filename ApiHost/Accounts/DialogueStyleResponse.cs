using LlmMultiChat.Grains.Users;

namespace LlmMultiChat.ApiHost.Accounts;

/// <summary>How the characters speak to the caller: six values in [0, 1] and the instructions they add to prompts.</summary>
public sealed record DialogueStyleResponse(
    double Formality,
    double Verbosity,
    double Humor,
    double TechnicalLevel,
    double Empathy,
    double Proactivity,
    IReadOnlyList<string> Instructions)
{
    public static DialogueStyleResponse From(DialogueStyleView style)
    {
        ArgumentNullException.ThrowIfNull(style);
        return new(style.Formality, style.Verbosity, style.Humor, style.TechnicalLevel, style.Empathy, style.Proactivity, style.Instructions);
    }
}
