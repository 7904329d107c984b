namespace Silo.Streams;

/// <summary>
/// A stream: producers publish, subscribers receive what is published after they subscribed, each in publication
/// order.
/// </summary>
public interface IAsyncStream<T>
{
    StreamId StreamId { get; }

    /// <summary>Publishes an item to every current subscriber; completes once it is queued for each of them.</summary>
    Task OnNextAsync(T item);

    /// <summary>Tells every current subscriber the stream has ended.</summary>
    Task OnCompletedAsync();

    /// <summary>Tells every current subscriber the stream failed.</summary>
    Task OnErrorAsync(Exception exception);

    /// <summary>Subscribes; items published from now on reach the observer until the handle is disposed.</summary>
    Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer);
}
