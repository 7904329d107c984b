using LlmMultiChat.Grains.Llm.Gateway;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LlmMultiChat.Grains.Memory;

/// <summary>Registers the <see cref="IEmbedder"/> chosen by the "Embeddings" section.</summary>
public static class EmbeddingServiceCollectionExtensions
{
    /// <summary>Binds the "Embeddings" section (pass <c>configuration.GetSection("Embeddings")</c>) strictly and checks it now.</summary>
    /// <exception cref="InvalidOperationException">A key is unknown or a value cannot be honoured; the message names it.</exception>
    public static IServiceCollection AddEmbeddings(this IServiceCollection services, IConfiguration embeddingsSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(embeddingsSection);
        var path = embeddingsSection is IConfigurationSection section ? section.Path : EmbeddingOptions.SectionName;
        var options = new EmbeddingOptions();
        try
        {
            // A misspelt key must not fall back silently to the offline embedder.
            embeddingsSection.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"Configuration section {path}: {ex.Message}", ex);
        }

        return services.AddEmbedder(options, path);
    }

    /// <summary>Registers the embedder with options set in code; checked now.</summary>
    /// <exception cref="InvalidOperationException">A value cannot be honoured.</exception>
    public static IServiceCollection AddEmbeddings(this IServiceCollection services, Action<EmbeddingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new EmbeddingOptions();
        configure(options);
        return services.AddEmbedder(options, EmbeddingOptions.SectionName);
    }

    private static IServiceCollection AddEmbedder(this IServiceCollection services, EmbeddingOptions options, string path)
    {
        if (string.Equals(options.Provider, EmbeddingOptions.HashingProvider, StringComparison.OrdinalIgnoreCase))
        {
            if (options.Dimensions is < 16 or > 4096)
            {
                throw new InvalidOperationException($"{path}:Dimensions is {options.Dimensions}; it must be between 16 and 4096.");
            }

            var hashing = new FeatureHashingEmbedder(new FeatureHashingOptions { Dimensions = options.Dimensions });
            return services.AddSingleton<IEmbedder>(hashing);
        }

        if (!string.Equals(options.Provider, EmbeddingOptions.OllamaProvider, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{path}:Provider is '{options.Provider}'; it must be '{EmbeddingOptions.HashingProvider}' or '{EmbeddingOptions.OllamaProvider}'.");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            throw new InvalidOperationException($"{path}:Model is required when {path}:Provider is '{EmbeddingOptions.OllamaProvider}' (e.g. nomic-embed-text).");
        }

        var baseUrl = LlmConfiguration.OllamaDefaultUrl;
        if (options.BaseUrl is { } configured && (!Uri.TryCreate(configured, UriKind.Absolute, out baseUrl) || baseUrl.Scheme is not ("http" or "https")))
        {
            throw new InvalidOperationException($"{path}:BaseUrl is '{configured}'; it must be an absolute http(s) URL.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{path}:Timeout is {options.Timeout}; it must be positive.");
        }

        var model = options.Model;
        var timeout = options.Timeout;
        return services.AddSingleton<IEmbedder>(_ => new OllamaEmbedder(baseUrl, model, new HttpClient { Timeout = timeout }, ownsHttpClient: true));
    }
}
