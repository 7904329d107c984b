using System.Diagnostics;
using Silo.Catalog;
using Silo.Filters;

using Silo.Hosting;

namespace Silo.Invocation;

/// <summary>
/// One grain call. It is at once the request the target admits, the filter context, the link in the call chain
/// deadlock detection walks, and (in its typed subclass) the promise the caller awaits, so an ordinary call
/// allocates this object and nothing else.
/// </summary>
internal abstract class CallMessage : ActivationRequest, IIncomingGrainCallContext, IOutgoingGrainCallContext
{
    private const int Pending = 0;
    private const int ResolvedBeforeDelivery = 1;
    private const int AwaitedByCaller = 2;

    private readonly long _startTimestamp;
    private ActivationData? _source;
    private Exception? _exception;
    private CallResources? _resources;
    private Activity? _activity;
    private CancellationToken _grainToken;
    private int _resolved;
    private int _delivery;
    private int _filterIndex;
    private bool _incomingPhase;
    private volatile bool _started;

    protected CallMessage(SiloRuntime runtime, GrainReference reference, ActivationRequest? caller)
        : base(caller)
    {
        Runtime = runtime;
        Reference = reference;
        _startTimestamp = runtime.Time.GetTimestamp();
    }

    protected SiloRuntime Runtime { get; }

    public GrainReference Reference { get; }

    /// <summary>The activation this call was handed to (set when dispatched).</summary>
    public ActivationData? Target { get; set; }

    public GrainId TargetId => Reference.GrainId;

    public abstract GrainMethod Method { get; }

    public abstract IGrainRequest Request { get; }

    public abstract object? Result { get; set; }

    public object Grain => Target?.GrainInstance ?? throw new InvalidOperationException("The call has not reached its grain yet.");

    public GrainId? SourceId => _source?.GrainId;

    public override bool Interleaves => Method.AlwaysInterleave;

    public override bool IsAbandoned => Volatile.Read(ref _resolved) != 0;

    protected Exception? Exception => _exception;

    protected bool IsStarted => _started;

    /// <summary>The caller's CancellationToken argument, read without boxing the request.</summary>
    protected abstract CancellationToken CallerToken { get; }

    /// <summary>Created on first need; the caller (timeout) and the target (tokens) may race to create it.</summary>
    private CallResources Resources
    {
        get
        {
            var resources = Volatile.Read(ref _resources);
            if (resources is not null)
            {
                return resources;
            }

            var created = new CallResources();
            return Interlocked.CompareExchange(ref _resources, created, null) ?? created;
        }
    }

    protected bool HasOutgoingFilters => Runtime.OutgoingFilters.Length > 0;

    /// <summary>Streaming calls live as long as their consumer wants; only ordinary calls time out.</summary>
    protected virtual bool HasTimeout => true;

    public ValueTask Invoke() => _incomingPhase ? NextIncoming() : NextOutgoing();

    public override string Describe() => $"{TargetId}.{Method.Name}";

    public override bool TryRedispatch()
    {
        Runtime.Redispatch(this);
        return true;
    }

    public override void Reject(Exception error) => TryResolve(error);

    /// <summary>Runs the call in a turn of <paramref name="activation"/>: incoming filters, then the grain method.</summary>
    public sealed override void Start(ActivationData activation)
    {
        _started = true;
        _grainToken = Method.AcceptsCancellation ? TokenForGrain(activation) : default;
        var context = ExecutionContext.Capture();
        var previous = context is null ? RequestContext.Current : null;
        RequestContext.Current = this;
        ValueTask invocation;
        try
        {
            invocation = activation.HasIncomingFilters ? NextIncoming() : InvokeGrain(activation.GrainInstance, _grainToken);
        }
        catch (Exception ex)
        {
            invocation = ValueTask.FromException(ex);
        }
        finally
        {
            if (context is not null)
            {
                ExecutionContext.Restore(context);
            }
            else
            {
                RequestContext.Current = previous;
            }
        }

        if (invocation.IsCompleted)
        {
            Complete(invocation);
        }
        else
        {
            _ = AwaitInvocationAsync(invocation);
        }
    }

    /// <summary>The token the grain method receives: the caller's, also cancelled when the activation ends.</summary>
    protected virtual CancellationToken TokenForGrain(ActivationData activation)
    {
        var callerToken = CallerToken;
        return callerToken.CanBeCanceled ? Resources.Link(callerToken, activation.LifetimeToken) : activation.LifetimeToken;
    }

    protected void AddLifetimeLink(CancellationTokenSource target, CancellationToken lifetime) => Resources.CancelOnLifetimeEnd(target, lifetime);

    protected abstract ValueTask InvokeGrain(object grain, CancellationToken cancellationToken);

    /// <summary>Hands the outcome to a caller awaiting the promise.</summary>
    protected abstract void DeliverToAwaiter(Exception? error);

    /// <summary>A ValueTask over the promise, for the outgoing pipeline's last step.</summary>
    protected abstract ValueTask AwaitPromise();

    /// <summary>Hands the call to its activation (no outgoing filters are configured).</summary>
    protected void SendDirect()
    {
        StartActivity();
        _incomingPhase = true;
        Runtime.Dispatch(this);
    }

    /// <summary>Runs the outgoing filters; the last step dispatches and completes when the call does.</summary>
    protected ValueTask SendThroughFilters()
    {
        StartActivity();
        _source = SynchronizationContext.Current as ActivationData;
        try
        {
            return NextOutgoing();
        }
        catch (Exception ex)
        {
            return ValueTask.FromException(ex);
        }
    }

    /// <summary>Claims delivery for an awaiting caller: true means the caller must await the promise (the call is still running).</summary>
    protected bool ClaimAsyncDelivery()
    {
        if (Interlocked.CompareExchange(ref _delivery, AwaitedByCaller, Pending) != Pending)
        {
            return false;
        }

        Resources.Arm(Runtime.Time, HasTimeout ? Runtime.Options.CallTimeout : null, this, CallerToken);
        if (Volatile.Read(ref _resolved) != 0)
        {
            _resources?.ReleaseTimers();
        }

        return true;
    }

    /// <summary>Resolves the call for its caller once; later outcomes (a grain finishing after a timeout) are ignored.</summary>
    protected bool TryResolve(Exception? error)
    {
        if (Interlocked.Exchange(ref _resolved, 1) != 0)
        {
            return false;
        }

        _exception = error;
        Volatile.Read(ref _resources)?.ReleaseTimers();
        Runtime.Metrics.OnCallResolved(Target?.Type, _startTimestamp, error is not null);
        if (_activity is not null)
        {
            if (error is not null)
            {
                _activity.SetStatus(ActivityStatusCode.Error, error.Message);
            }

            _activity.Dispose();
        }

        if (Interlocked.CompareExchange(ref _delivery, ResolvedBeforeDelivery, Pending) != Pending)
        {
            DeliverToAwaiter(error);
        }

        return true;
    }

    internal void OnTimeout() =>
        TryResolve(new GrainCallTimeoutException(TargetId, Method.Name, Runtime.Options.CallTimeout));

    internal void OnCallerCancelled()
    {
        // Once the grain runs, it sees the token itself and decides; a call still waiting in the queue is dropped.
        if (!_started)
        {
            TryResolve(new OperationCanceledException(CallerToken));
        }
    }

    private ValueTask NextOutgoing()
    {
        var filters = Runtime.OutgoingFilters;
        var index = _filterIndex++;
        if (index < filters.Length)
        {
            return filters[index].Invoke(this);
        }

        _filterIndex = 0;
        _incomingPhase = true;
        Runtime.Dispatch(this);
        return ClaimAsyncDelivery() ? AwaitPromise() : _exception is null ? default : ValueTask.FromException(_exception);
    }

    private ValueTask NextIncoming()
    {
        var target = Target!;
        var filters = Runtime.IncomingFilters;
        var index = _filterIndex++;
        if (index < filters.Length)
        {
            return filters[index].Invoke(this);
        }

        if (index == filters.Length && target.Type.HasIncomingFilter)
        {
            return ((IIncomingGrainCallFilter)target.GrainInstance).Invoke(this);
        }

        return InvokeGrain(target.GrainInstance, _grainToken);
    }

    private void Complete(ValueTask invocation)
    {
        Exception? error = null;
        try
        {
            invocation.GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            error = ex;
        }

        OnInvocationCompleted(error);
    }

    private async Task AwaitInvocationAsync(ValueTask invocation)
    {
        Exception? error = null;
        try
        {
            await invocation.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        OnInvocationCompleted(error);
    }

    /// <summary>The grain is done: free the activation for the next request first, then answer the caller.</summary>
    protected virtual void OnInvocationCompleted(Exception? error)
    {
        _resources?.ReleaseTokens();
        Target!.OnRequestCompleted(this);
        TryResolve(error);
    }

    private void StartActivity()
    {
        if (Runtime.ActivitySource.HasListeners())
        {
            _activity = Runtime.ActivitySource.StartActivity(Method.DisplayName, ActivityKind.Internal);
            _activity?.SetTag("silo.grain.id", TargetId.ToString());
        }
    }
}
