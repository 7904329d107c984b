namespace LlmMultiChat.Grains.Conversations;

/// <summary>Randomness for turn-taking (talkativeness rolls, pooled picks); tests inject a fixed sequence.</summary>
public interface IRandomSource
{
    /// <summary>A number in [0, 1).</summary>
    double NextDouble();

    /// <summary>An integer in [0, maxExclusive).</summary>
    int NextInt(int maxExclusive);
}
