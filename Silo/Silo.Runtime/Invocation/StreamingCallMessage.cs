using System.Threading.Channels;
using System.Threading.Tasks.Sources;
using Silo.Catalog;

using Silo.Hosting;

namespace Silo.Invocation;

/// <summary>
/// A call to a method returning IAsyncEnumerable&lt;T&gt;, and the caller's enumerator over it. The grain's iterator
/// runs in its activation's context and fills a bounded channel (so it runs at most a buffer ahead of the
/// consumer); the call holds its turn until the iterator ends. The caller's cancellation, or disposing the
/// enumerator early, cancels the token the grain's iterator received.
/// </summary>
internal sealed class StreamingCallMessage<TItem, TRequest> : CallMessage, IAsyncEnumerator<TItem>, IValueTaskSource
    where TRequest : struct, IStreamingGrainRequest<TItem>
{
    private readonly TRequest _request;
    private readonly Channel<TItem> _channel;
    private readonly CancellationTokenSource _cancellation;
    private ManualResetValueTaskSourceCore<bool> _core;
    private TItem _current = default!;
    private int _parties = 2;
    private int _disposed;

    public StreamingCallMessage(SiloRuntime runtime, GrainReference reference, TRequest request, ActivationRequest? caller, CancellationToken enumeratorToken)
        : base(runtime, reference, caller)
    {
        _request = request;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(request.CancellationToken, enumeratorToken);
        _channel = Channel.CreateBounded<TItem>(new BoundedChannelOptions(runtime.Options.StreamingCallBufferSize)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public override GrainMethod Method => _request.Method;

    public override IGrainRequest Request => _request;

    /// <summary>A streaming call has items, not a result.</summary>
    public override object? Result
    {
        get => null;
        set
        {
        }
    }

    public override bool IsAbandoned => base.IsAbandoned || (_cancellation.IsCancellationRequested && !IsStarted);

    public TItem Current => _current;

    protected override CancellationToken CallerToken => _cancellation.Token;

    protected override bool HasTimeout => false;

    /// <summary>Sends the call; items arrive through this enumerator.</summary>
    public void Open()
    {
        if (!HasOutgoingFilters)
        {
            SendDirect();
            return;
        }

        _ = RunOutgoingFiltersAsync();
    }

    public override void Reject(Exception error)
    {
        base.Reject(error);
        _channel.Writer.TryComplete(error);
        if (!IsStarted)
        {
            ReleaseParty();
        }
    }

    public ValueTask<bool> MoveNextAsync()
    {
        // Once the caller cancels, items the grain produced ahead of the consumer are not handed out.
        if (_cancellation.IsCancellationRequested)
        {
            return ValueTask.FromException<bool>(new OperationCanceledException(_cancellation.Token));
        }

        if (_channel.Reader.TryRead(out var item))
        {
            _current = item;
            return new ValueTask<bool>(true);
        }

        return WaitForItemAsync();
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _cancellation.Cancel();
            ReleaseParty();
        }

        return default;
    }

    protected override CancellationToken TokenForGrain(ActivationData activation)
    {
        AddLifetimeLink(_cancellation, activation.LifetimeToken);
        return _cancellation.Token;
    }

    protected override ValueTask InvokeGrain(object grain, CancellationToken cancellationToken) =>
        PumpAsync(_request.Invoke(grain, cancellationToken), cancellationToken);

    protected override void OnInvocationCompleted(Exception? error)
    {
        base.OnInvocationCompleted(error);
        ReleaseParty();
    }

    protected override void DeliverToAwaiter(Exception? error)
    {
        if (error is null)
        {
            _core.SetResult(true);
        }
        else
        {
            _core.SetException(error);
        }
    }

    protected override ValueTask AwaitPromise() => new(this, _core.Version);

    // Runs in the activation's context: the iterator's code between awaits is a turn like any other.
    private async ValueTask PumpAsync(IAsyncEnumerable<TItem> source, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in source.WithCancellation(cancellationToken))
            {
                await _channel.Writer.WriteAsync(item, cancellationToken);
            }

            _channel.Writer.TryComplete();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The consumer stopped or the activation is ending: a normal end of the call.
            _channel.Writer.TryComplete(new OperationCanceledException(cancellationToken));
        }
        catch (Exception ex)
        {
            _channel.Writer.TryComplete(ex);
            throw;
        }
    }

    private async ValueTask<bool> WaitForItemAsync()
    {
        while (await _channel.Reader.WaitToReadAsync(_cancellation.Token).ConfigureAwait(false))
        {
            if (_channel.Reader.TryRead(out var item))
            {
                _current = item;
                return true;
            }
        }

        return false;
    }

    private async Task RunOutgoingFiltersAsync()
    {
        try
        {
            await SendThroughFilters().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            TryResolve(ex);
            _channel.Writer.TryComplete(ex);
        }
    }

    private void ReleaseParty()
    {
        if (Interlocked.Decrement(ref _parties) == 0)
        {
            _cancellation.Dispose();
        }
    }

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
