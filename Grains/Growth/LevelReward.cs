namespace LlmMultiChat.Grains.Growth;

/// <summary>What reaching one level gives a character: features it may use and changes to its parameters.</summary>
public sealed class LevelReward
{
    /// <summary>Feature names (advanced_search, image_generation, ...), unlocked from this level on.</summary>
    public List<string> Unlocks { get; init; } = [];

    /// <summary>Parameter name → change (temperature: -0.05, ...), applied from this level on and summed over levels.</summary>
    public Dictionary<string, double> ParameterDeltas { get; init; } = [];
}
