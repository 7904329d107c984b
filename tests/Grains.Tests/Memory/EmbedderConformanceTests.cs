using LlmMultiChat.Grains.Memory;

namespace LlmMultiChat.Grains.Tests.Memory;

/// <summary>What every <see cref="IEmbedder"/> must do: one unit vector per text in order, the same text the same vector, similar texts closer than unrelated ones. One subclass per embedder.</summary>
public abstract class EmbedderConformanceTests : IAsyncLifetime
{
    protected IEmbedder Embedder { get; private set; } = null!;

    protected abstract Task<IEmbedder> CreateAsync();

    public virtual async Task InitializeAsync() => Embedder = await CreateAsync();

    public virtual Task DisposeAsync()
    {
        (Embedder as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_batch_gives_one_unit_vector_per_text_of_one_length_in_order()
    {
        string[] texts = ["今日は京都でお寺を見ました", "I walked along the river in Kyoto", "猫"];

        var batch = await Embedder.EmbedAsync(texts, CancellationToken.None);

        Assert.Equal(3, batch.Count);
        Assert.All(batch, v => Assert.Equal(batch[0].Length, v.Length));
        Assert.All(batch, v => Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 4));
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(await Embedder.EmbedAsync(texts[i], CancellationToken.None), batch[i]);
        }
    }

    [Fact]
    public async Task The_same_text_gives_the_same_vector_and_different_texts_different_ones()
    {
        var first = await Embedder.EmbedAsync("ラーメンが大好きです", CancellationToken.None);
        var again = await Embedder.EmbedAsync("ラーメンが大好きです", CancellationToken.None);
        var other = await Embedder.EmbedAsync("The weather is cold today", CancellationToken.None);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task A_similar_text_is_closer_than_an_unrelated_one()
    {
        var vectors = await Embedder.EmbedAsync(["東京の天気は晴れです", "東京の天気は雨です", "猫がソファで寝ている"], CancellationToken.None);

        var similar = System.Numerics.Tensors.TensorPrimitives.Dot(vectors[0], vectors[1]);
        var unrelated = System.Numerics.Tensors.TensorPrimitives.Dot(vectors[0], vectors[2]);

        Assert.True(similar > unrelated + 0.2f, $"similar {similar}, unrelated {unrelated}");
    }

    [Fact]
    public async Task An_empty_batch_gives_no_vectors()
    {
        Assert.Empty(await Embedder.EmbedAsync([], CancellationToken.None));
    }

    [Fact]
    public async Task A_cancelled_call_throws_OperationCanceledException()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Embedder.EmbedAsync(["hello"], cancelled.Token));
    }

    [Fact]
    public void The_model_names_the_vector_space()
    {
        Assert.False(string.IsNullOrWhiteSpace(Embedder.Model));
    }
}
