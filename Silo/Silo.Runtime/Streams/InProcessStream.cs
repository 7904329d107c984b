using Silo.Catalog;
using Silo.Diagnostics;

namespace Silo.Streams;

/// <summary>One in-process stream: a copy-on-write list of subscriptions, each with its own queue.</summary>
internal sealed class InProcessStream<T>(StreamId streamId, int queueLimit, SiloLog log) : IAsyncStream<T>
{
    private readonly Lock _lock = new();
    private StreamSubscription<T>[] _subscriptions = [];

    public StreamId StreamId => streamId;

    public Task OnNextAsync(T item)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            subscription.EnqueueItem(item);
        }

        return Task.CompletedTask;
    }

    public Task OnCompletedAsync()
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            subscription.EnqueueEnd(null);
        }

        return Task.CompletedTask;
    }

    public Task OnErrorAsync(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            subscription.EnqueueEnd(exception);
        }

        return Task.CompletedTask;
    }

    public Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        // A grain that subscribes gets its items inside its own turns, and the subscription ends with the activation.
        var activation = SynchronizationContext.Current as ActivationData;
        var subscription = new StreamSubscription<T>(this, observer, activation, queueLimit, log);
        lock (_lock)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        activation?.Bind(subscription);
        subscription.StartDelivery();
        return Task.FromResult<StreamSubscriptionHandle<T>>(subscription);
    }

    internal void Remove(StreamSubscription<T> subscription)
    {
        lock (_lock)
        {
            _subscriptions = [.. _subscriptions.Where(s => !ReferenceEquals(s, subscription))];
        }
    }
}
