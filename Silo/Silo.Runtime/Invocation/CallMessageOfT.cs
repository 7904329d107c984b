using System.Threading.Tasks.Sources;
using Silo.Catalog;

using Silo.Hosting;

namespace Silo.Invocation;

/// <summary>A call to a method returning Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;; also the caller's promise.</summary>
internal sealed class CallMessage<TResult, TRequest>(SiloRuntime runtime, GrainReference reference, TRequest request, ActivationRequest? caller)
    : CallMessage(runtime, reference, caller), IValueTaskSource<TResult>, IValueTaskSource
    where TRequest : struct, IGrainRequest<TResult>
{
    private readonly TRequest _request = request;
    private TResult _result = default!;
    private ManualResetValueTaskSourceCore<TResult> _core;

    public override GrainMethod Method => _request.Method;

    public override IGrainRequest Request => _request;

    public override object? Result
    {
        get => _result;
        set => _result = (TResult)value!;
    }

    protected override CancellationToken CallerToken => _request.CancellationToken;

    /// <summary>Sends the call; completes synchronously when the grain did.</summary>
    public ValueTask<TResult> Send()
    {
        if (!HasOutgoingFilters)
        {
            SendDirect();
            if (ClaimAsyncDelivery())
            {
                return new ValueTask<TResult>(this, _core.Version);
            }

            return Exception is null ? new ValueTask<TResult>(_result) : ValueTask.FromException<TResult>(Exception);
        }

        var pipeline = SendThroughFilters();
        if (!pipeline.IsCompleted)
        {
            return AwaitPipeline(pipeline);
        }

        try
        {
            pipeline.GetAwaiter().GetResult();
            return new ValueTask<TResult>(_result);
        }
        catch (Exception ex)
        {
            TryResolve(ex);
            return ValueTask.FromException<TResult>(ex);
        }
    }

    protected override ValueTask InvokeGrain(object grain, CancellationToken cancellationToken)
    {
        var invocation = _request.Invoke(grain, cancellationToken);
        if (invocation.IsCompletedSuccessfully)
        {
            _result = invocation.Result;
            return default;
        }

        return AwaitResult(invocation);
    }

    protected override void DeliverToAwaiter(Exception? error)
    {
        if (error is null)
        {
            _core.SetResult(_result);
        }
        else
        {
            _core.SetException(error);
        }
    }

    protected override ValueTask AwaitPromise() => new(this, _core.Version);

    private async ValueTask AwaitResult(ValueTask<TResult> invocation) => _result = await invocation.ConfigureAwait(false);

    private async ValueTask<TResult> AwaitPipeline(ValueTask pipeline)
    {
        try
        {
            await pipeline.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            TryResolve(ex);
            throw;
        }

        return _result;
    }

    TResult IValueTaskSource<TResult>.GetResult(short token) => _core.GetResult(token);

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<TResult>.GetStatus(short token) => _core.GetStatus(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<TResult>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
