using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Silo.Invocation;
using Silo.Placement;
using Silo.Reminders;
using Silo.Storage;
using Silo.Streams;
using Silo.Timers;

using Silo.Hosting;

namespace Silo.Catalog;

/// <summary>
/// One activation of a grain and its turn scheduler.
/// <para>
/// Two rules, kept apart: (1) <b>execution</b>: at most one piece of this activation's code runs at a time; the
/// activation is the SynchronizationContext of its code, so every await comes back to its queue. (2)
/// <b>admission</b>: a request starts only when the turn policy allows it: always for [Reentrant] grains and
/// [AlwaysInterleave] methods, otherwise when no other request holds the activation (from its start until its
/// task completes).
/// </para>
/// <para>
/// When the activation is idle, an admitted request's first segment runs directly on the caller's thread, so a call
/// that completes synchronously never touches the thread pool. Everything else goes through the queue, drained
/// by one thread-pool work item at a time.
/// </para>
/// </summary>
internal sealed class ActivationData : SynchronizationContext, IThreadPoolWorkItem, IGrainContext
{
    private const int InlineDrainLimit = 16;
    private const int DrainLimit = 64;

    private static readonly SendOrPostCallback s_activate = static state => _ = ((ActivationData)state!).ActivateAsync();
    private static readonly SendOrPostCallback s_deactivate = static state => _ = ((ActivationData)state!).DeactivateAsync();

    private readonly SiloRuntime _runtime;
    private SlotQueue<WorkItem> _runnable;
    private SlotQueue<ActivationRequest> _pending;
    private ActivationRequest? _blocking;
    private Extras? _extras;
    private Grain? _grain;
    private long _lastUsed;
    private int _inProgress;
    private int _background;
    private volatile ActivationStatus _status;
    private bool _executing;
    private bool _deactivateWhenIdle;

    public ActivationData(SiloRuntime runtime, GrainId grainId, GrainTypeInfo type)
    {
        _runtime = runtime;
        GrainId = grainId;
        Type = type;
        _lastUsed = runtime.Time.GetTimestamp();
    }

    public GrainId GrainId { get; }

    public GrainTypeInfo Type { get; }

    public ActivationStatus Status => _status;

    /// <summary>True once the activation is gone; calls must find or create a newer one.</summary>
    public bool IsDefunct => _status == ActivationStatus.Invalid;

    public Grain GrainInstance => _grain ?? throw new InvalidOperationException($"Grain {GrainId} is not activated.");

    public bool HasIncomingFilters => _runtime.IncomingFilters.Length > 0 || Type.HasIncomingFilter;

    /// <summary>When a request last finished here (TimeProvider timestamp).</summary>
    public long LastUsed => Volatile.Read(ref _lastUsed);

    /// <summary>Cancelled when the activation ends: background work, timers and in-flight calls see it.</summary>
    public CancellationToken LifetimeToken
    {
        get
        {
            lock (this)
            {
                return (ExtrasLocked.Lifetime ??= new CancellationTokenSource()).Token;
            }
        }
    }

    public IServiceProvider ActivationServices => _runtime.Services;

    public IGrainFactory GrainFactory => _runtime.Invoker;

    public IReminderRegistry Reminders => _runtime.Reminders;

    private Extras ExtrasLocked => _extras ??= new Extras();

    private bool IsRunnableEmpty => _runnable.IsEmpty;

    public IStreamProvider GetStreamProvider(string name) => _runtime.GetStreamProvider(name);

    /// <summary>A request arrives: admit it (running it here when idle), queue it, or send it on.</summary>
    public void Receive(ActivationRequest request)
    {
        Exception? rejection = null;
        var runInline = false;
        var activateInline = false;
        var redispatch = false;
        lock (this)
        {
            switch (_status)
            {
                case ActivationStatus.Valid:
                    if (CanAdmitLocked(request))
                    {
                        AdmitLocked(request);
                        if (!_executing && IsRunnableEmpty && RuntimeHelpers.TryEnsureSufficientExecutionStack())
                        {
                            _executing = true;
                            runInline = true;
                        }
                        else
                        {
                            EnqueueRunnableLocked(WorkItem.ForRequest(request));
                        }
                    }
                    else
                    {
                        rejection = DetectDeadlockLocked(request);
                        if (rejection is null)
                        {
                            EnqueuePendingLocked(request);
                        }
                    }

                    break;
                case ActivationStatus.Created:
                    _status = ActivationStatus.Activating;
                    EnqueuePendingLocked(request);
                    if (!_executing && RuntimeHelpers.TryEnsureSufficientExecutionStack())
                    {
                        _executing = true;
                        activateInline = true;
                    }
                    else
                    {
                        EnqueueRunnableLocked(new WorkItem(s_activate, this));
                    }

                    break;
                case ActivationStatus.Activating or ActivationStatus.Deactivating:
                    EnqueuePendingLocked(request);
                    break;
                default:
                    redispatch = true;
                    break;
            }
        }

        if (runInline)
        {
            RunInline(WorkItem.ForRequest(request));
        }
        else if (activateInline)
        {
            RunInline(new WorkItem(s_activate, this));
        }
        else if (rejection is not null)
        {
            request.Reject(rejection);
        }
        else if (redispatch)
        {
            request.TryRedispatch();
        }
    }

    /// <summary>A request admitted here has finished: release its hold and admit what waits.</summary>
    public void OnRequestCompleted(ActivationRequest request)
    {
        var deactivate = false;
        lock (this)
        {
            _inProgress--;
            if (ReferenceEquals(_blocking, request))
            {
                _blocking = null;
            }

            if (request.CountsAsUse)
            {
                Volatile.Write(ref _lastUsed, _runtime.Time.GetTimestamp());
            }
            AdmitPendingLocked();
            deactivate = AfterWorkEndedLocked();
        }

        if (deactivate)
        {
            TryDeactivate(_extras!.Reason, onlyIfIdle: false);
        }
    }

    /// <summary>Marks recent use without a request (a keep-alive timer tick).</summary>
    public void Touch() => Volatile.Write(ref _lastUsed, _runtime.Time.GetTimestamp());

    /// <summary>An unlocked look at idleness, for choosing collection candidates; the decision is re-checked under the lock.</summary>
    public bool LooksIdle =>
        _status == ActivationStatus.Valid && Volatile.Read(ref _inProgress) == 0 && Volatile.Read(ref _background) == 0 && !Volatile.Read(ref _executing);

    /// <summary>Starts deactivation; returns false when the activation is not valid (or, with <paramref name="onlyIfIdle"/>, is busy).</summary>
    public bool TryDeactivate(DeactivationReason reason, bool onlyIfIdle)
    {
        lock (this)
        {
            if (_status != ActivationStatus.Valid || (onlyIfIdle && !IsIdleLocked()))
            {
                return false;
            }

            _status = ActivationStatus.Deactivating;
            ExtrasLocked.Reason = reason;
            ExtrasLocked.Deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            EnqueueRunnableLocked(new WorkItem(s_deactivate, this));
        }

        return true;
    }

    /// <summary>Completes when this activation has fully deactivated (null when no deactivation started).</summary>
    public Task? Deactivated
    {
        get
        {
            lock (this)
            {
                return _extras?.Deactivated?.Task;
            }
        }
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (this)
        {
            EnqueueRunnableLocked(new WorkItem(d, state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException($"Blocking calls into grain {GrainId} are not supported; await instead.");

    public override SynchronizationContext CreateCopy() => this;

    void IThreadPoolWorkItem.Execute()
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            Drain(DrainLimit);
        }
        finally
        {
            SetSynchronizationContext(previous);
            ReleaseExecutor();
        }
    }

    public IGrainTimer RegisterTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new GrainTimer<TState>(this, _runtime, callback, state, options);
        Bind(timer);
        timer.Arm();
        return timer;
    }

    public Task RunInBackground(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        CancellationToken token;
        lock (this)
        {
            if (_status is not (ActivationStatus.Valid or ActivationStatus.Activating))
            {
                throw new InvalidOperationException($"Grain {GrainId} is deactivating and cannot start background work.");
            }

            _background++;
            token = (ExtrasLocked.Lifetime ??= new CancellationTokenSource()).Token;
        }

        return RunBackgroundAsync(work, token);
    }

    public void Deactivate(DeactivationReason reason)
    {
        lock (this)
        {
            _deactivateWhenIdle = true;
            ExtrasLocked.Reason = reason;
            if (_inProgress > 0 || _background > 0 || !_pending.IsEmpty)
            {
                return;
            }
        }

        TryDeactivate(reason, onlyIfIdle: false);
    }

    /// <summary>Ties a timer or subscription to this activation's life.</summary>
    public void Bind(IActivationBound resource)
    {
        lock (this)
        {
            if (_status is ActivationStatus.Deactivating or ActivationStatus.Invalid)
            {
                throw new InvalidOperationException($"Grain {GrainId} is deactivating.");
            }

            (ExtrasLocked.Bound ??= []).Add(resource);
        }
    }

    public void Unbind(IActivationBound resource)
    {
        lock (this)
        {
            _extras?.Bound?.Remove(resource);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"Activation {GrainId} ({_status})";

    private bool CanAdmitLocked(ActivationRequest request) =>
        request.Interleaves || Type.IsReentrant || _blocking is null;

    private void AdmitLocked(ActivationRequest request)
    {
        _inProgress++;
        if (!request.Interleaves && !Type.IsReentrant)
        {
            _blocking = request;
        }
    }

    private void AdmitPendingLocked()
    {
        if (_status != ActivationStatus.Valid)
        {
            return;
        }

        while (_pending.TryPeek(out var next))
        {
            if (next.IsAbandoned)
            {
                DequeuePendingLocked();
                continue;
            }

            if (!CanAdmitLocked(next))
            {
                break;
            }

            DequeuePendingLocked();
            AdmitLocked(next);
            EnqueueRunnableLocked(WorkItem.ForRequest(next));
        }
    }

    /// <summary>
    /// The request would wait behind <c>_blocking</c>. If <c>_blocking</c> is itself in the request's call chain, it
    /// is waiting (through other grains) for this very request: a deadlock. Fail now and name the chain.
    /// </summary>
    private DeadlockException? DetectDeadlockLocked(ActivationRequest request)
    {
        if (!_runtime.Options.DeadlockDetection || _blocking is null)
        {
            return null;
        }

        for (var link = request.Caller; link is not null; link = link.Caller)
        {
            if (ReferenceEquals(link, _blocking))
            {
                var chain = new List<string>();
                for (var step = request.Caller; step is not null; step = step.Caller)
                {
                    chain.Insert(0, step.Describe());
                    if (ReferenceEquals(step, _blocking))
                    {
                        break;
                    }
                }

                chain.Add(request.Describe());
                return new DeadlockException(chain);
            }
        }

        return null;
    }

    private void EnqueuePendingLocked(ActivationRequest request)
    {
        _pending.Enqueue(request);
        _runtime.Metrics.OnRequestQueued();
    }

    private void DequeuePendingLocked()
    {
        _pending.TryDequeue(out _);
        _runtime.Metrics.OnRequestDequeued();
    }

    private void EnqueueRunnableLocked(WorkItem item)
    {
        _runnable.Enqueue(item);
        if (!_executing)
        {
            _executing = true;
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private bool IsIdleLocked() =>
        _inProgress == 0 && _background == 0 && _pending.IsEmpty && IsRunnableEmpty && !_executing;

    /// <summary>After a request or background work ended: wake a waiting deactivation, or deactivate when asked to.</summary>
    private bool AfterWorkEndedLocked()
    {
        if (_inProgress != 0 || _background != 0)
        {
            return false;
        }

        if (_status == ActivationStatus.Deactivating)
        {
            _extras?.Quiescent?.TrySetResult();
            return false;
        }

        return _deactivateWhenIdle && _status == ActivationStatus.Valid && _pending.IsEmpty;
    }

    private void RunInline(WorkItem first)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            Run(first);
            Drain(InlineDrainLimit);
        }
        finally
        {
            SetSynchronizationContext(previous);
            ReleaseExecutor();
        }
    }

    private void Drain(int limit)
    {
        for (var i = 0; i < limit; i++)
        {
            WorkItem item;
            lock (this)
            {
                if (!_runnable.TryDequeue(out item))
                {
                    return;
                }
            }

            Run(item);
        }
    }

    /// <summary>Gives up the executor; if work arrived meanwhile, a thread-pool item takes over (fairness after a slice).</summary>
    private void ReleaseExecutor()
    {
        lock (this)
        {
            if (IsRunnableEmpty)
            {
                _executing = false;
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    private void Run(WorkItem item)
    {
        try
        {
            if (item.Callback is { } callback)
            {
                callback(item.State);
            }
            else
            {
                var request = (ActivationRequest)item.State!;
                if (request.IsAbandoned)
                {
                    OnRequestCompleted(request);
                }
                else
                {
                    request.Start(this);
                }
            }
        }
        catch (Exception ex)
        {
            // Only an async void method or a broken continuation gets here; the turn loop must survive it.
            _runtime.Log.UnhandledInTurn(ex, GrainId);
        }
    }

    private async Task ActivateAsync()
    {
        try
        {
            var local = _runtime.LocalSilo;
            var registered = await _runtime.Directory.RegisterAsync(new GrainAddress(GrainId, local), _runtime.StoppingToken);
            if (registered.Silo != local)
            {
                throw new NotSupportedException($"Grain {GrainId} is active on silo {registered.Silo}; calls between silos arrive with cluster mode.");
            }

            var states = new List<IStateLoader>(Type.States.Count);
            _grain = Type.CreateInstance(this, _runtime.Services, _runtime.StorageFor, states);
            foreach (var state in states)
            {
                await state.ReadStateAsync(_runtime.StoppingToken);
            }

            await _grain.OnActivateAsync(_runtime.StoppingToken);
        }
        catch (Exception ex)
        {
            OnActivationFailed(ex);
            return;
        }

        lock (this)
        {
            _status = ActivationStatus.Valid;
            AdmitPendingLocked();
        }

        _runtime.Metrics.OnActivated();
    }

    private void OnActivationFailed(Exception exception)
    {
        var error = exception as GrainActivationException ?? new GrainActivationException(GrainId, exception);
        _runtime.Log.ActivationFailed(exception, GrainId);
        var waiting = EndLocked();
        _ = UnregisterAsync();
        foreach (var request in waiting)
        {
            request.Reject(error);
        }
    }

    private async Task UnregisterAsync()
    {
        try
        {
            await _runtime.Directory.UnregisterAsync(new GrainAddress(GrainId, _runtime.LocalSilo), CancellationToken.None);
        }
        catch (Exception ex)
        {
            _runtime.Log.DeactivationFailed(ex, GrainId);
        }
    }

    private async Task DeactivateAsync()
    {
        var timeout = _runtime.Options.DeactivationTimeout;
        Task quiescent;
        DeactivationReason reason;
        lock (this)
        {
            reason = _extras!.Reason;
            quiescent = _inProgress == 0 && _background == 0
                ? Task.CompletedTask
                : (_extras.Quiescent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }

        try
        {
            // Only a shutdown deactivates a busy activation: in-flight calls and background work get the grace
            // period to finish, then their tokens are cancelled and they get the deactivation timeout to end.
            var grace = reason.Code == DeactivationReasonCode.ShuttingDown ? _runtime.Options.ShutdownGracePeriod : TimeSpan.Zero;
            await WaitQuietly(quiescent, grace);
            EndBoundResources();
            await quiescent.WaitAsync(timeout, _runtime.Time);
            if (_grain is { } grain)
            {
                using var deadline = new CancellationTokenSource(timeout, _runtime.Time);
                await grain.OnDeactivateAsync(reason, deadline.Token).WaitAsync(timeout, _runtime.Time);
            }
        }
        catch (Exception ex)
        {
            _runtime.Log.DeactivationFailed(ex, GrainId);
        }

        var waiting = EndLocked();
        await UnregisterAsync();

        _runtime.Metrics.OnDeactivated();
        _extras!.Deactivated!.TrySetResult();
        foreach (var request in waiting)
        {
            if (_runtime.IsStopping)
            {
                request.Reject(new SiloUnavailableException());
            }
            else
            {
                request.TryRedispatch();
            }
        }
    }

    private async Task WaitQuietly(Task task, TimeSpan limit)
    {
        if (task.IsCompleted || limit <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await task.WaitAsync(limit, _runtime.Time);
        }
        catch (TimeoutException)
        {
            // The grace period is over; the caller cancels what still runs.
        }
    }

    /// <summary>Marks the activation invalid, removes it from the catalog and returns the requests that still wait.</summary>
    private List<ActivationRequest> EndLocked()
    {
        List<ActivationRequest> waiting;
        lock (this)
        {
            _status = ActivationStatus.Invalid;
            waiting = [];
            while (_pending.TryPeek(out var request))
            {
                waiting.Add(request);
                DequeuePendingLocked();
            }
        }

        EndBoundResources();
        _runtime.Catalog.Remove(this);
        return waiting;
    }

    private void EndBoundResources()
    {
        List<IActivationBound>? bound;
        CancellationTokenSource? lifetime;
        lock (this)
        {
            bound = _extras?.Bound;
            lifetime = _extras?.Lifetime;
            if (_extras is not null)
            {
                _extras.Bound = null;
            }
        }

        lifetime?.Cancel();
        foreach (var resource in bound ?? [])
        {
            resource.OnActivationEnded();
        }
    }

    private async Task RunBackgroundAsync(Func<CancellationToken, Task> work, CancellationToken token)
    {
        // Background work belongs to no request: its calls must not look like part of the caller's chain.
        RequestContext.Current = null;
        try
        {
            if (Current != this)
            {
                await new ActivationSwitch(this);
            }

            await work(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Cancelled because the activation ended: a normal way for background work to stop.
        }
        catch (Exception ex)
        {
            _runtime.Log.BackgroundWorkFailed(ex, GrainId);
            throw;
        }
        finally
        {
            var deactivate = false;
            lock (this)
            {
                _background--;
                Volatile.Write(ref _lastUsed, _runtime.Time.GetTimestamp());
                deactivate = AfterWorkEndedLocked();
            }

            if (deactivate)
            {
                TryDeactivate(_extras!.Reason, onlyIfIdle: false);
            }
        }
    }

    /// <summary>The rarely used parts of an activation, allocated on first need to keep idle activations small.</summary>
    private sealed class Extras
    {
        public CancellationTokenSource? Lifetime { get; set; }

        public List<IActivationBound>? Bound { get; set; }

        public TaskCompletionSource? Quiescent { get; set; }

        public TaskCompletionSource? Deactivated { get; set; }

        public DeactivationReason Reason { get; set; }
    }

    /// <summary>An awaitable that continues in the activation's context.</summary>
    private readonly struct ActivationSwitch(ActivationData activation) : INotifyCompletion
    {
        public bool IsCompleted => false;

        public ActivationSwitch GetAwaiter() => this;

        public void GetResult()
        {
        }

        public void OnCompleted(Action continuation) => activation.Post(static state => ((Action)state!)(), continuation);
    }
}
