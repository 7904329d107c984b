namespace LlmMultiChat.Grains.Memory;

/// <summary>The offline embedder's shape (Embeddings:Dimensions, :MinGram, :MaxGram).</summary>
public sealed record FeatureHashingOptions
{
    /// <summary>Vector length. 256 keeps 100,000 memories at 100 MB while separating short texts well enough.</summary>
    public int Dimensions { get; init; } = 256;

    /// <summary>Shortest character n-gram. 1 lets a single kanji (猫) count on its own.</summary>
    public int MinGram { get; init; } = 1;

    /// <summary>Longest character n-gram. 3 captures most Japanese words and English stems without a tokenizer.</summary>
    public int MaxGram { get; init; } = 3;
}
