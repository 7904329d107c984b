namespace LlmMultiChat.Grains.Coherence;

/// <summary>The optional LLM contradiction check (configuration section "Coherence"; upstream S04).</summary>
public sealed record CoherenceOptions
{
    public const string SectionName = "Coherence";

    /// <summary>The model that scores pairs of statements ("provider:model"); null (default): the rule-based check only.</summary>
    public string? Model { get; init; }

    /// <summary>A pair scored above this contradicts (S04: 0.8).</summary>
    public double Threshold { get; init; } = 0.8;

    /// <summary>The model is asked about at most this many earlier statements, the newest: each is a call before the reply.</summary>
    public int MaxChecks { get; init; } = 3;

    /// <exception cref="InvalidOperationException">A value cannot be honoured; the message names the section.</exception>
    public void Validate()
    {
        if (Threshold is < 0 or > 1 || MaxChecks < 1)
        {
            throw new InvalidOperationException($"{SectionName} options: Threshold must be in [0, 1] and MaxChecks at least 1.");
        }

        if (Model is not null)
        {
            _ = Characters.ModelBinding.Parse(Model);
        }
    }
}
