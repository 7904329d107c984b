namespace Silo.Streams;

/// <summary>Delegate-based subscriptions.</summary>
public static class AsyncStreamExtensions
{
    /// <summary>Subscribes with delegates instead of an <see cref="IAsyncObserver{T}"/>.</summary>
    public static Task<StreamSubscriptionHandle<T>> SubscribeAsync<T>(
        this IAsyncStream<T> stream,
        Func<T, Task> onNext,
        Func<Exception, Task>? onError = null,
        Func<Task>? onCompleted = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(onNext);
        return stream.SubscribeAsync(new DelegateObserver<T>(onNext, onError, onCompleted));
    }

    private sealed class DelegateObserver<T>(Func<T, Task> onNext, Func<Exception, Task>? onError, Func<Task>? onCompleted)
        : IAsyncObserver<T>
    {
        public Task OnNextAsync(T item) => onNext(item);

        public Task OnCompletedAsync() => onCompleted?.Invoke() ?? Task.CompletedTask;

        public Task OnErrorAsync(Exception exception) => onError?.Invoke(exception) ?? Task.CompletedTask;
    }
}
