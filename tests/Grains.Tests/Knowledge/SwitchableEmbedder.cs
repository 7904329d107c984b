using LlmMultiChat.Grains.Memory;

namespace LlmMultiChat.Grains.Tests.Knowledge;

/// <summary>The hashing embedder whose model a test can change (as a reconfigured server would), counting what it embeds.</summary>
internal sealed class SwitchableEmbedder : IEmbedder
{
    public FeatureHashingEmbedder Current { get; set; } = new();

    public int TextsEmbedded { get; private set; }

    public string Model => Current.Model;

    public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        TextsEmbedded += texts.Count;
        return Current.EmbedAsync(texts, cancellationToken);
    }
}
