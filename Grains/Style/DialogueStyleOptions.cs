namespace LlmMultiChat.Grains.Style;

/// <summary>Numbers that shape per-user dialogue style (configuration section "DialogueStyle"; upstream spec §6.4, P5).</summary>
public sealed class DialogueStyleOptions
{
    public const string SectionName = "DialogueStyle";

    /// <summary>Above this a parameter adds its "more" instruction to the prompt (P5: 0.7).</summary>
    public double HighThreshold { get; set; } = 0.7;

    /// <summary>Below this a parameter adds its "less" instruction (P5: 0.3).</summary>
    public double LowThreshold { get; set; } = 0.3;

    /// <summary>How far an explicit "+" or "-" on one parameter moves it (P5's specific_feedback: 0.1).</summary>
    public double ExplicitStep { get; set; } = 0.1;

    public void Validate()
    {
        if (LowThreshold is < 0 or > 1 || HighThreshold is < 0 or > 1 || LowThreshold > HighThreshold || ExplicitStep is <= 0 or > 1)
        {
            throw new InvalidOperationException("DialogueStyle options: thresholds in [0, 1] with Low <= High, ExplicitStep in (0, 1].");
        }
    }
}
