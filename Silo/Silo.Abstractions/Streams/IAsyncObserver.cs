namespace Silo.Streams;

/// <summary>Receives a stream's items in order.</summary>
public interface IAsyncObserver<in T>
{
    Task OnNextAsync(T item);

    Task OnCompletedAsync();

    Task OnErrorAsync(Exception exception);
}
