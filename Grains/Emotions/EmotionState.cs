namespace LlmMultiChat.Grains.Emotions;

/// <summary>A character's eight emotion intensities, each in [0, 1] (upstream spec §4.1).</summary>
public sealed record EmotionState(
    double Joy,
    double Trust,
    double Fear,
    double Surprise,
    double Sadness,
    double Disgust,
    double Anger,
    double Anticipation)
{
    public static IReadOnlyList<Emotion> All { get; } = Enum.GetValues<Emotion>();

    public double this[Emotion emotion] => emotion switch
    {
        Emotion.Joy => Joy,
        Emotion.Trust => Trust,
        Emotion.Fear => Fear,
        Emotion.Surprise => Surprise,
        Emotion.Sadness => Sadness,
        Emotion.Disgust => Disgust,
        Emotion.Anger => Anger,
        Emotion.Anticipation => Anticipation,
        _ => throw new ArgumentOutOfRangeException(nameof(emotion), emotion, "Not one of Plutchik's eight emotions."),
    };

    /// <summary>The strongest emotion (the spec's argmax); ties go to the one first in Plutchik's order, so the answer is stable.</summary>
    public Emotion Strongest => All.Aggregate((best, next) => this[next] > this[best] ? next : best);

    /// <summary>Builds a state from one value per emotion, clamping each into [0, 1].</summary>
    public static EmotionState From(Func<Emotion, double> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        double Clamped(Emotion emotion) => Math.Clamp(value(emotion), 0, 1);
        return new EmotionState(
            Clamped(Emotion.Joy),
            Clamped(Emotion.Trust),
            Clamped(Emotion.Fear),
            Clamped(Emotion.Surprise),
            Clamped(Emotion.Sadness),
            Clamped(Emotion.Disgust),
            Clamped(Emotion.Anger),
            Clamped(Emotion.Anticipation));
    }

    /// <summary>Adds the deltas (missing emotions unchanged), clamped into [0, 1].</summary>
    public EmotionState Add(IReadOnlyDictionary<Emotion, double> deltas)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        return From(emotion => this[emotion] + deltas.GetValueOrDefault(emotion));
    }
}
