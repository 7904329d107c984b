using Silo.Streams;

namespace Silo.Testing;

/// <summary>One stream of <see cref="DirectStreamProvider"/>: items go to every subscriber at once, in order.</summary>
public sealed class DirectStream<T>(StreamId streamId) : IAsyncStream<T>
{
    private readonly List<IAsyncObserver<T>> _observers = [];

    public StreamId StreamId => streamId;

    public async Task OnNextAsync(T item)
    {
        foreach (var observer in _observers.ToList())
        {
            await observer.OnNextAsync(item);
        }
    }

    public async Task OnCompletedAsync()
    {
        foreach (var observer in _observers.ToList())
        {
            await observer.OnCompletedAsync();
        }
    }

    public async Task OnErrorAsync(Exception exception)
    {
        foreach (var observer in _observers.ToList())
        {
            await observer.OnErrorAsync(exception);
        }
    }

    public Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer)
    {
        _observers.Add(observer);
        return Task.FromResult<StreamSubscriptionHandle<T>>(new Subscription(this, observer));
    }

    private sealed class Subscription(DirectStream<T> stream, IAsyncObserver<T> observer) : StreamSubscriptionHandle<T>
    {
        public override StreamId StreamId => stream.StreamId;

        public override Guid HandleId { get; } = Guid.NewGuid();

        public override Task UnsubscribeAsync()
        {
            stream._observers.Remove(observer);
            return Task.CompletedTask;
        }
    }
}
