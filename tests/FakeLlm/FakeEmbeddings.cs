namespace LlmMultiChat.FakeLlm;

/// <summary>Deterministic unit vectors: character trigrams hashed into buckets, so similar texts get similar vectors.</summary>
internal static class FakeEmbeddings
{
    public static float[] Embed(string text, int dimensions)
    {
        var vector = new float[dimensions];
        var padded = $"  {text.ToLowerInvariant()}  ";
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            var hash = Fnv1a(padded.AsSpan(i, 3));
            vector[hash % (uint)dimensions] += (hash & 0x8000_0000) == 0 ? 1f : -1f;
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= norm;
            }
        }

        return vector;
    }

    // string.GetHashCode is randomized per process; the vectors must not be.
    private static uint Fnv1a(ReadOnlySpan<char> text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
