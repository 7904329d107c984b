namespace LlmMultiChat.Grains.Memory;

/// <summary>A search hit: the key and its cosine similarity to the query (-1..1).</summary>
public readonly record struct VectorMatch<TKey>(TKey Key, float Score);
