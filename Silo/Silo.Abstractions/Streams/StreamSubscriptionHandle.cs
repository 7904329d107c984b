namespace Silo.Streams;

/// <summary>A subscription; dispose it (or call <see cref="UnsubscribeAsync"/>) to stop receiving.</summary>
public abstract class StreamSubscriptionHandle<T> : IAsyncDisposable
{
    /// <summary>The stream subscribed to.</summary>
    public abstract StreamId StreamId { get; }

    /// <summary>Unique id of this subscription.</summary>
    public abstract Guid HandleId { get; }

    /// <summary>Stops delivery; items not yet delivered are dropped.</summary>
    public abstract Task UnsubscribeAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await UnsubscribeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}
