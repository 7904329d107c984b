namespace LlmMultiChat.Grains.Style;

/// <summary>How one user likes to be spoken to, six values in [0, 1]; the defaults are upstream's (empathy 0.7, the rest 0.5).</summary>
public sealed record DialogueStyle
{
    public static DialogueStyle Default { get; } = new();

    public double Formality { get; init; } = 0.5;

    public double Verbosity { get; init; } = 0.5;

    public double Humor { get; init; } = 0.5;

    public double TechnicalLevel { get; init; } = 0.5;

    public double Empathy { get; init; } = 0.7;

    public double Proactivity { get; init; } = 0.5;

    public double this[DialogueStyleParameter parameter] => parameter switch
    {
        DialogueStyleParameter.Formality => Formality,
        DialogueStyleParameter.Verbosity => Verbosity,
        DialogueStyleParameter.Humor => Humor,
        DialogueStyleParameter.TechnicalLevel => TechnicalLevel,
        DialogueStyleParameter.Empathy => Empathy,
        DialogueStyleParameter.Proactivity => Proactivity,
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "Not a dialogue style parameter."),
    };

    /// <summary>The style with one parameter moved by <paramref name="delta"/>, kept within [0, 1].</summary>
    public DialogueStyle Shift(DialogueStyleParameter parameter, double delta)
    {
        var value = Math.Clamp(this[parameter] + delta, 0, 1);
        return parameter switch
        {
            DialogueStyleParameter.Formality => this with { Formality = value },
            DialogueStyleParameter.Verbosity => this with { Verbosity = value },
            DialogueStyleParameter.Humor => this with { Humor = value },
            DialogueStyleParameter.TechnicalLevel => this with { TechnicalLevel = value },
            DialogueStyleParameter.Empathy => this with { Empathy = value },
            DialogueStyleParameter.Proactivity => this with { Proactivity = value },
            _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "Not a dialogue style parameter."),
        };
    }
}
