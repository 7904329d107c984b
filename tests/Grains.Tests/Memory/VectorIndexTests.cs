using LlmMultiChat.Grains.Memory;

namespace LlmMultiChat.Grains.Tests.Memory;

public sealed class VectorIndexTests
{
    [Fact]
    public void Search_returns_the_top_k_by_cosine_best_first_as_a_brute_force_ranking_does()
    {
        var random = new Random(7);
        var index = new VectorIndex<int>(dimensions: 32, capacity: 4);
        var vectors = new Dictionary<int, float[]>();
        for (var key = 0; key < 500; key++)
        {
            vectors[key] = RandomVector(random, 32);
            index.Set(key, vectors[key]);
        }

        var query = RandomVector(random, 32);
        var expected = vectors.OrderByDescending(v => Cosine(query, v.Value)).Take(10).Select(v => v.Key).ToList();

        var matches = index.Search(query, 10);

        Assert.Equal(expected, matches.Select(m => m.Key));
        Assert.Equal(Cosine(query, vectors[expected[0]]), matches[0].Score, 4);
        Assert.Equal(500, index.Count);
    }

    [Fact]
    public void Vectors_are_compared_by_direction_not_length()
    {
        var index = new VectorIndex<string>(2);
        index.Set("east", [10f, 0f]);
        index.Set("north-east", [1f, 1f]);

        var matches = index.Search([0.1f, 0f], 2);

        Assert.Equal(["east", "north-east"], matches.Select(m => m.Key));
        Assert.Equal(1f, matches[0].Score, 5);
        Assert.Equal(MathF.Sqrt(0.5f), matches[1].Score, 5);
    }

    [Fact]
    public void Setting_a_key_again_replaces_its_vector()
    {
        var index = new VectorIndex<string>(2);
        index.Set("a", [1f, 0f]);
        index.Set("b", [0f, 1f]);

        index.Set("a", [0f, 1f]);

        Assert.Equal(2, index.Count);
        Assert.All(index.Search([0f, 1f], 2), m => Assert.Equal(1f, m.Score, 5));
    }

    [Fact]
    public void Removing_a_key_keeps_every_other_vector_findable()
    {
        var index = new VectorIndex<string>(2);
        index.Set("x", [1f, 0f]);
        index.Set("y", [0f, 1f]);
        index.Set("z", [-1f, 0f]);

        Assert.True(index.Remove("x"));
        Assert.False(index.Remove("x"));

        Assert.False(index.Contains("x"));
        Assert.Equal(2, index.Count);
        Assert.Equal("z", index.Search([-1f, 0f], 1)[0].Key);
        Assert.Equal("y", index.Search([0f, 1f], 1)[0].Key);
    }

    [Fact]
    public void A_minimum_score_leaves_out_weaker_matches()
    {
        var index = new VectorIndex<string>(2);
        index.Set("close", [1f, 0.1f]);
        index.Set("far", [0f, 1f]);

        var matches = index.Search([1f, 0f], 5, minScore: 0.7f);

        Assert.Equal("close", Assert.Single(matches).Key);
    }

    [Fact]
    public void A_vector_of_the_wrong_dimension_is_refused()
    {
        var index = new VectorIndex<string>(3);

        Assert.Throws<ArgumentException>(() => index.Set("a", [1f, 0f]));
        Assert.Throws<ArgumentException>(() => index.Search([1f, 0f], 1));
    }

    private static float[] RandomVector(Random random, int dimensions) =>
        Enumerable.Range(0, dimensions).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();

    private static float Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return (float)(dot / Math.Sqrt(na * nb));
    }
}
