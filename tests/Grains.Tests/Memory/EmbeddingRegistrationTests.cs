using LlmMultiChat.Grains.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LlmMultiChat.Grains.Tests.Memory;

public sealed class EmbeddingRegistrationTests
{
    [Fact]
    public void Without_configuration_the_offline_hashing_embedder_of_256_dimensions_is_registered()
    {
        var embedder = Resolve([]);

        var hashing = Assert.IsType<FeatureHashingEmbedder>(embedder);
        Assert.Equal(256, hashing.Dimensions);
    }

    [Fact]
    public void Hashing_takes_its_dimension_from_configuration()
    {
        var embedder = Resolve(new() { ["Embeddings:Dimensions"] = "128" });

        Assert.Equal(128, Assert.IsType<FeatureHashingEmbedder>(embedder).Dimensions);
    }

    [Fact]
    public void Ollama_is_registered_with_its_model()
    {
        var embedder = Resolve(new() { ["Embeddings:Provider"] = "ollama", ["Embeddings:Model"] = "nomic-embed-text", ["Embeddings:BaseUrl"] = "http://127.0.0.1:11434" });

        Assert.IsType<OllamaEmbedder>(embedder);
        Assert.Equal("ollama:nomic-embed-text", embedder.Model);
    }

    [Theory]
    [InlineData("Embeddings:Provider", "word2vec", "Embeddings:Provider")]
    [InlineData("Embeddings:Dimensions", "3", "Embeddings:Dimensions")]
    [InlineData("Embeddings:Dimention", "128", "Dimention")]
    public void A_bad_or_misspelt_setting_fails_at_registration_naming_the_key(string key, string value, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolve(new() { [key] = value }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Embeddings:Model")]
    [InlineData("not a url", "Embeddings:BaseUrl")]
    public void Ollama_needs_a_model_and_a_valid_base_url(string? baseUrl, string named)
    {
        var settings = new Dictionary<string, string?> { ["Embeddings:Provider"] = "ollama" };
        if (baseUrl is not null)
        {
            settings["Embeddings:Model"] = "nomic-embed-text";
            settings["Embeddings:BaseUrl"] = baseUrl;
        }

        var error = Assert.Throws<InvalidOperationException>(() => Resolve(settings));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static IEmbedder Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddEmbeddings(configuration.GetSection(EmbeddingOptions.SectionName)).BuildServiceProvider();
        return provider.GetRequiredService<IEmbedder>();
    }
}
