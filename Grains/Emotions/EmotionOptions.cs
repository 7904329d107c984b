namespace LlmMultiChat.Grains.Emotions;

/// <summary>Numbers that shape characters' emotions (configuration section "Emotions"; upstream spec §4).</summary>
public sealed class EmotionOptions
{
    public const string SectionName = "Emotions";

    /// <summary>How far one message moves the emotion its words signal, at most (S04: joy or sadness +0.2).</summary>
    public double AppraisalStep { get; set; } = 0.2;

    /// <summary>The model that appraises messages ("provider:model"); null (default): the built-in lexicon.</summary>
    public string? Model { get; set; }

    /// <summary>A positive message also raises anticipation (S04: +0.1).</summary>
    public double PositiveAnticipationStep { get; set; } = 0.1;

    /// <summary>A negative message also raises trust: the character stays close to the user (S04 "寄り添う": +0.1).</summary>
    public double NegativeTrustStep { get; set; } = 0.1;

    /// <summary>How far an emotion must rise above its baseline to set the tone instead of the strongest one.</summary>
    public double DominanceThreshold { get; set; } = 0.05;

    /// <summary>
    /// Time for an emotion to get halfway back to its baseline. The spec names no constant; two hours keeps a mood
    /// through a conversation (84 % left after 30 minutes) and lets it fade by the next day.
    /// </summary>
    public TimeSpan DecayHalfLife { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How far back the mood trend looks, and how long mood samples are kept (P4: 24 hours).</summary>
    public TimeSpan MoodWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Most mood samples kept; the oldest go first (one every 5 minutes for a day).</summary>
    public int MaxMoodSamples { get; set; } = 288;

    /// <summary>Fewer samples than this in the window give no trend (S04: 5).</summary>
    public int MoodTrendMinimumSamples { get; set; } = 5;

    /// <summary>How far the average joy − sadness must sit from the baseline's to count as a trend (S04: 0.2).</summary>
    public double MoodTrendThreshold { get; set; } = 0.2;

    public void Validate()
    {
        if (AppraisalStep is < 0 or > 1 || PositiveAnticipationStep is < 0 or > 1 || NegativeTrustStep is < 0 or > 1 || DominanceThreshold is < 0 or > 1
            || DecayHalfLife <= TimeSpan.Zero || MoodWindow <= TimeSpan.Zero || MaxMoodSamples < 1
            || MoodTrendMinimumSamples < 1 || MoodTrendThreshold is < 0 or > 2)
        {
            throw new InvalidOperationException(
                "Emotions options: steps and the dominance threshold must be in [0, 1], the half-life and mood window positive, sample counts at least 1, the trend threshold in [0, 2].");
        }

        if (Model is not null)
        {
            _ = Characters.ModelBinding.Parse(Model);
        }
    }
}
