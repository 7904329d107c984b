using System.Numerics.Tensors;
using LlmMultiChat.Grains.Memory;

namespace LlmMultiChat.Grains.Tests.Memory;

public sealed class FeatureHashingEmbedderTests
{
    [Theory]
    [InlineData("", 0xcbf29ce484222325UL)]
    [InlineData("a", 0xaf63dc4c8601ec8cUL)]
    [InlineData("foobar", 0x85944171f73967e8UL)]
    public void The_hash_is_FNV1a_64_so_vectors_mean_the_same_after_a_restart(string text, ulong expected)
    {
        // The published FNV-1a 64 test vectors; string.GetHashCode would differ per process.
        Assert.Equal(expected, StableHash.Fnv1a64(text));
    }

    [Fact]
    public void The_vector_has_the_configured_dimension_and_the_model_says_it()
    {
        var embedder = new FeatureHashingEmbedder(new FeatureHashingOptions { Dimensions = 64 });

        Assert.Equal(64, embedder.Embed("hello").Length);
        Assert.Equal("hashing:64:1-3", embedder.Model);
    }

    [Fact]
    public void Full_width_and_upper_case_text_embed_like_its_normal_form()
    {
        var embedder = new FeatureHashingEmbedder();

        Assert.Equal(embedder.Embed("kyoto 2026"), embedder.Embed("ＫＹＯＴＯ　２０２６"));
        Assert.Equal(embedder.Embed("カタカナ"), embedder.Embed("ｶﾀｶﾅ"));
    }

    [Fact]
    public void Runs_of_whitespace_count_as_one_space()
    {
        var embedder = new FeatureHashingEmbedder();

        Assert.Equal(embedder.Embed("green tea"), embedder.Embed("  green \t\n tea "));
    }

    [Fact]
    public void Text_with_nothing_to_embed_is_the_zero_vector()
    {
        var embedder = new FeatureHashingEmbedder();

        Assert.All(embedder.Embed(" \t "), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Sharing_a_Japanese_word_makes_texts_closer_without_a_tokenizer()
    {
        var embedder = new FeatureHashingEmbedder();
        var query = embedder.Embed("抹茶");

        var withWord = TensorPrimitives.Dot(query, embedder.Embed("昨日は宇治で抹茶を飲んだ"));
        var without = TensorPrimitives.Dot(query, embedder.Embed("昨日は宇治で紅茶を飲んだ"));

        Assert.True(withWord > without, $"with 抹茶 {withWord}, without {without}");
    }
}
