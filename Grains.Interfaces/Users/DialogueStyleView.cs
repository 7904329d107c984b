namespace LlmMultiChat.Grains.Users;

/// <summary>
/// How a user likes to be spoken to: six values in [0, 1] and the prompt instructions they give (Japanese, one per
/// value beyond a threshold; none while every value sits in the middle).
/// </summary>
public sealed record DialogueStyleView(
    double Formality,
    double Verbosity,
    double Humor,
    double TechnicalLevel,
    double Empathy,
    double Proactivity,
    IReadOnlyList<string> Instructions);
