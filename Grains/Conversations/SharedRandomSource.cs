namespace LlmMultiChat.Grains.Conversations;

/// <summary>The process-wide random source.</summary>
public sealed class SharedRandomSource : IRandomSource
{
    public double NextDouble() => Random.Shared.NextDouble();

    public int NextInt(int maxExclusive) => Random.Shared.Next(maxExclusive);
}
