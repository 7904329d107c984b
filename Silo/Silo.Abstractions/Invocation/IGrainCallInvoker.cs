namespace Silo.Invocation;

/// <summary>The runtime entry point generated references call.</summary>
public interface IGrainCallInvoker
{
    /// <summary>Sends a request and returns its result.</summary>
    ValueTask<TResult> Invoke<TResult, TRequest>(GrainReference target, TRequest request)
        where TRequest : struct, IGrainRequest<TResult>;

    /// <summary>Opens a streaming call; the request holds its turn until the caller stops enumerating.</summary>
    IAsyncEnumerable<TItem> InvokeStreaming<TItem, TRequest>(GrainReference target, TRequest request)
        where TRequest : struct, IStreamingGrainRequest<TItem>;
}
