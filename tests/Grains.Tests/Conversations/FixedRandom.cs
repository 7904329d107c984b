using LlmMultiChat.Grains.Conversations;

namespace LlmMultiChat.Grains.Tests.Conversations;

/// <summary>Randomness that returns the values a test gives it, in order (then repeats the last).</summary>
internal sealed class FixedRandom(params double[] values) : IRandomSource
{
    private int _next;

    public double NextDouble() => values.Length == 0 ? 0 : values[Math.Min(_next++, values.Length - 1)];

    public int NextInt(int maxExclusive) => (int)(NextDouble() * maxExclusive);
}
