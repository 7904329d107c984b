namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// The configuration section "Embeddings": <c>Provider</c> <c>hashing</c> (default, offline) or <c>ollama</c>
/// (<c>Model</c> required, <c>BaseUrl</c> defaulting to http://localhost:11434).
/// </summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Embeddings";
    public const string HashingProvider = "hashing";
    public const string OllamaProvider = "ollama";

    public string Provider { get; set; } = HashingProvider;

    /// <summary>hashing: the vector length.</summary>
    public int Dimensions { get; set; } = new FeatureHashingOptions().Dimensions;

    /// <summary>ollama: the embedding model, e.g. nomic-embed-text.</summary>
    public string? Model { get; set; }

    /// <summary>ollama: the server's root.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>ollama: the longest one batch may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
