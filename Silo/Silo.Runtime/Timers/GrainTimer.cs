using Silo.Catalog;
using Silo.Invocation;

using Silo.Hosting;

namespace Silo.Timers;

/// <summary>
/// An activation-bound timer. A tick that does not interleave is admitted like a request (it waits for the
/// activation's current request); one that interleaves runs at the next await. The next tick is armed when the
/// previous one has finished, so ticks never overlap and the period counts from the end of a tick.
/// </summary>
internal sealed class GrainTimer<TState> : ActivationRequest, IGrainTimer, IActivationBound
{
    private readonly ActivationData _activation;
    private readonly SiloRuntime _runtime;
    private readonly Func<TState, CancellationToken, Task> _callback;
    private readonly TState _state;
    private readonly bool _interleave;
    private readonly bool _keepAlive;
    private readonly ITimer _timer;
    private TimeSpan _dueTime;
    private TimeSpan _period;
    private volatile bool _disposed;
    private int _ticking;

    public GrainTimer(ActivationData activation, SiloRuntime runtime, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
        : base(caller: null)
    {
        Validate(options.DueTime, options.Period);
        _activation = activation;
        _runtime = runtime;
        _callback = callback;
        _state = state;
        _interleave = options.Interleave;
        _keepAlive = options.KeepAlive;
        _dueTime = options.DueTime;
        _period = options.Period;
        _timer = runtime.Time.CreateTimer(static s => ((GrainTimer<TState>)s!).OnFired(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public override bool Interleaves => _interleave;

    public override bool IsAbandoned => _disposed;

    // Use is recorded by Touch() when KeepAlive is set; a tick alone must not keep the activation alive.
    public override bool CountsAsUse => false;

    public void Arm() => _timer.Change(_dueTime, Timeout.InfiniteTimeSpan);

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, period);
        _dueTime = dueTime;
        _period = period;
        if (!_disposed)
        {
            _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        OnActivationEnded();
        _activation.Unbind(this);
    }

    public void OnActivationEnded()
    {
        _disposed = true;
        _timer.Dispose();
    }

    public override void Start(ActivationData activation) => _ = TickAsync(admittedAsRequest: true);

    public override void Reject(Exception error) => Volatile.Write(ref _ticking, 0);

    public override bool TryRedispatch()
    {
        Volatile.Write(ref _ticking, 0);
        return false;
    }

    public override string Describe() => $"{_activation.GrainId}.timer";

    private static void Validate(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A timer's due time must not be negative (or Timeout.InfiniteTimeSpan).");
        }

        if (period <= TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A timer's period must be positive (or Timeout.InfiniteTimeSpan).");
        }
    }

    private void OnFired()
    {
        if (_disposed || Interlocked.Exchange(ref _ticking, 1) == 1)
        {
            return;
        }

        if (_interleave)
        {
            _activation.Post(static s => _ = ((GrainTimer<TState>)s!).TickAsync(admittedAsRequest: false), this);
        }
        else
        {
            _activation.Receive(this);
        }
    }

    private async Task TickAsync(bool admittedAsRequest)
    {
        // A tick belongs to no request: its calls must not look like part of another call chain.
        RequestContext.Current = null;
        var lifetime = _activation.LifetimeToken;
        try
        {
            await _callback(_state, lifetime);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The activation is ending.
        }
        catch (Exception ex)
        {
            _runtime.Log.TimerTickFailed(ex, _activation.GrainId);
        }
        finally
        {
            if (admittedAsRequest)
            {
                _activation.OnRequestCompleted(this);
            }

            if (_keepAlive)
            {
                _activation.Touch();
            }

            Volatile.Write(ref _ticking, 0);
            if (!_disposed && _period != Timeout.InfiniteTimeSpan)
            {
                _timer.Change(_period, Timeout.InfiniteTimeSpan);
            }
        }
    }
}
