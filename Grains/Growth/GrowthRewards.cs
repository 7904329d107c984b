namespace LlmMultiChat.Grains.Growth;

/// <summary>Everything a level gives: the features unlocked at it or below, and the summed parameter changes.</summary>
public sealed record GrowthRewards(IReadOnlyList<string> Unlocked, IReadOnlyDictionary<string, double> ParameterEffects);
