namespace LlmMultiChat.Grains.Memory;

public static class EmbedderExtensions
{
    /// <summary>The vector of one text.</summary>
    public static async Task<float[]> EmbedAsync(this IEmbedder embedder, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(text);
        var vectors = await embedder.EmbedAsync([text], cancellationToken).ConfigureAwait(false);
        return vectors[0];
    }
}
