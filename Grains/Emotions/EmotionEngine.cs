namespace LlmMultiChat.Grains.Emotions;

/// <summary>
/// Moves a character's emotions (ARCHITECTURE §6, "Emotion"): each user message is appraised and moves them
/// (clamped to [0, 1]); between messages they decay exponentially toward the baseline on the clock.
/// </summary>
public sealed class EmotionEngine
{
    private readonly EmotionOptions _options;
    private readonly TimeProvider _time;

    public EmotionEngine(EmotionOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _options = options;
        _time = time;
    }

    /// <summary>A character at rest: at its baseline, with no mood history.</summary>
    public CharacterEmotion Start(EmotionState baseline) => new(baseline, baseline, _time.GetUtcNow(), []);

    /// <summary>The state as of now: every emotion has moved toward its baseline by half per half-life elapsed.</summary>
    public CharacterEmotion Decay(CharacterEmotion emotion)
    {
        ArgumentNullException.ThrowIfNull(emotion);
        var now = _time.GetUtcNow();
        var elapsed = now - emotion.UpdatedAt;
        if (elapsed <= TimeSpan.Zero)
        {
            return emotion;
        }

        var remaining = Math.Pow(0.5, elapsed / _options.DecayHalfLife);
        var current = EmotionState.From(e => emotion.Baseline[e] + ((emotion.Current[e] - emotion.Baseline[e]) * remaining));
        return emotion with { Current = current, UpdatedAt = now };
    }

    /// <summary>
    /// Decays to now, then applies a message's appraisal (the order matters: time passed before the message
    /// arrived, so the message acts on the decayed state) and records a mood sample.
    /// </summary>
    public EmotionChange React(CharacterEmotion emotion, EmotionAppraisal appraisal)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        var decayed = Decay(emotion);
        var deltas = Deltas(appraisal);
        var current = decayed.Current.Add(deltas);
        var moved = decayed with { Current = current };
        var sample = new MoodSample(decayed.UpdatedAt, Dominant(moved), current.Joy - current.Sadness);
        var windowStart = decayed.UpdatedAt - _options.MoodWindow;
        var history = decayed.History.Where(s => s.At > windowStart).Append(sample).TakeLast(_options.MaxMoodSamples).ToList();
        return new EmotionChange(moved with { History = history }, appraisal, deltas);
    }

    /// <summary>
    /// The emotion that sets the tone: the one risen furthest above the character's baseline, or, when none has
    /// risen by the threshold, the strongest. Plain argmax would let a high baseline drown every change: Clarisse
    /// rests at trust 0.9, and S04's own rule raises trust on every sad message, so sadness could never show.
    /// Reads the state as given: <see cref="Decay"/> it first for the tone as of now.
    /// </summary>
    public Emotion Dominant(CharacterEmotion emotion)
    {
        ArgumentNullException.ThrowIfNull(emotion);
        var risen = EmotionState.All.Aggregate((best, next) => Rise(next) > Rise(best) ? next : best);
        return Rise(risen) >= _options.DominanceThreshold ? risen : emotion.Current.Strongest;

        double Rise(Emotion e) => emotion.Current[e] - emotion.Baseline[e];
    }

    /// <summary>
    /// The mood over the window. The direction compares the average joy − sadness with the baseline's, so a cheerful
    /// character is not "trending positive" merely by being itself (S04 compared with zero).
    /// </summary>
    public MoodTrend Trend(CharacterEmotion emotion)
    {
        ArgumentNullException.ThrowIfNull(emotion);
        var windowStart = _time.GetUtcNow() - _options.MoodWindow;
        var samples = emotion.History.Where(s => s.At > windowStart).ToList();
        if (samples.Count < _options.MoodTrendMinimumSamples)
        {
            return new MoodTrend(MoodDirection.Insufficient, null, samples.Count);
        }

        var shift = samples.Average(s => s.Balance) - (emotion.Baseline.Joy - emotion.Baseline.Sadness);
        var direction = shift > _options.MoodTrendThreshold ? MoodDirection.Positive
            : shift < -_options.MoodTrendThreshold ? MoodDirection.Negative
            : MoodDirection.Stable;
        // Ties between equally frequent emotions go to the most recent one: it says more about the mood now.
        var mostFrequent = samples.Select((s, i) => (s.Dominant, i))
            .GroupBy(x => x.Dominant)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Max(x => x.i))
            .First().Key;
        return new MoodTrend(direction, mostFrequent, samples.Count);
    }

    /// <summary>
    /// Each emotion the message signals moves by the step times the summed intensity of its cues, at most one step
    /// (piling up words does not make one message count twice); S04's valence side effects come on top.
    /// </summary>
    private Dictionary<Emotion, double> Deltas(EmotionAppraisal appraisal)
    {
        var deltas = appraisal.Cues
            .GroupBy(c => c.Emotion)
            .ToDictionary(g => g.Key, g => _options.AppraisalStep * Math.Min(1, g.Sum(c => c.Intensity)));
        if (appraisal.Valence > 0)
        {
            deltas[Emotion.Anticipation] = deltas.GetValueOrDefault(Emotion.Anticipation) + _options.PositiveAnticipationStep;
        }
        else if (appraisal.Valence < 0)
        {
            deltas[Emotion.Trust] = deltas.GetValueOrDefault(Emotion.Trust) + _options.NegativeTrustStep;
        }

        return deltas;
    }
}
