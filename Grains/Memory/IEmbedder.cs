namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// Turns texts into vectors for similarity search. Every vector is L2-normalized (or all zeros for a text with
/// nothing to embed), so a dot product is the cosine similarity. Vectors from different <see cref="Model"/>s live in
/// different spaces and must never be compared.
/// </summary>
public interface IEmbedder
{
    /// <summary>Names the vector space, e.g. <c>hashing:256</c> or <c>ollama:nomic-embed-text</c>; stored with each vector.</summary>
    string Model { get; }

    /// <summary>One vector per text, in the order given. The length is fixed by the model (256 by default for hashing).</summary>
    Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
