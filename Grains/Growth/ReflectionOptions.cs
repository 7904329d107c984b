namespace LlmMultiChat.Grains.Growth;

/// <summary>When characters reflect (configuration section "Reflection"; upstream spec §6.1).</summary>
public sealed class ReflectionOptions
{
    public const string SectionName = "Reflection";

    /// <summary>Reflect after this many of the character's turns since the last reflection (upstream: 10).</summary>
    public int EveryTurns { get; set; } = 10;

    public void Validate()
    {
        if (EveryTurns < 1)
        {
            throw new InvalidOperationException("Reflection options: EveryTurns must be at least 1.");
        }
    }
}
