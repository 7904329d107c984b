namespace Silo.Testing;

/// <summary>
/// A clock that moves only when told. <see cref="Advance"/> fires every timer that falls due, in due order, on the
/// calling thread, moving the clock to each timer's due time first, so code under test sees time pass exactly
/// as it would in production. Timers created by those callbacks fire too when they fall inside the advance.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly Dictionary<TimeSpan, int> _armed = [];
    private readonly List<(TimeSpan Due, int Occurrence, TaskCompletionSource Signal)> _armWaiters = [];
    private DateTimeOffset _now;
    private long _sequence;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public ManualTimeProvider(DateTimeOffset start)
    {
        _now = start;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Timers that are armed (for diagnostics in tests).</summary>
    public int ActiveTimerCount
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count(t => t.Due is not null);
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        lock (_lock)
        {
            _timers.Add(timer);
            timer.ChangeLocked(_now, dueTime, period);
        }

        return timer;
    }

    /// <summary>Moves the clock forward, firing the timers that fall due on the way.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_lock)
        {
            target = _now + delta;
        }

        while (true)
        {
            ManualTimer? next;
            lock (_lock)
            {
                next = _timers
                    .Where(t => t.Due is { } due && due <= target)
                    .OrderBy(t => t.Due)
                    .ThenBy(t => t.Sequence)
                    .FirstOrDefault();
                if (next is null)
                {
                    _now = target;
                    return;
                }

                _now = next.Due!.Value;
                next.Due = next.Period is { } period ? _now + period : null;
                next.Sequence = ++_sequence;
            }

            next.Fire();
        }
    }

    /// <summary>
    /// Completes once a timer has been armed (created or changed) with <paramref name="dueTime"/> for the
    /// <paramref name="occurrence"/>-th time: a test can wait for "the retry delay is pending" or "the watchdog is
    /// armed" before it advances the clock, instead of guessing when the code under test got there.
    /// </summary>
    public Task WhenTimerArmed(TimeSpan dueTime, int occurrence = 1)
    {
        lock (_lock)
        {
            if (_armed.GetValueOrDefault(dueTime) >= occurrence)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _armWaiters.Add((dueTime, occurrence, signal));
            return signal.Task;
        }
    }

    /// <summary>Moves the clock to a later moment, firing timers on the way.</summary>
    public void SetUtcNow(DateTimeOffset value) => Advance(value - GetUtcNow());

    private void ArmedLocked(TimeSpan dueTime)
    {
        var count = _armed[dueTime] = _armed.GetValueOrDefault(dueTime) + 1;
        foreach (var waiter in _armWaiters.Where(w => w.Due == dueTime && w.Occurrence <= count).ToList())
        {
            // RunContinuationsAsynchronously: completing under the lock never runs the waiter's code here.
            waiter.Signal.TrySetResult();
            _armWaiters.Remove(waiter);
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }

        public TimeSpan? Period { get; private set; }

        public long Sequence { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                if (!owner._timers.Contains(this))
                {
                    return false;
                }

                ChangeLocked(owner._now, dueTime, period);
                return true;
            }
        }

        public void ChangeLocked(DateTimeOffset now, TimeSpan dueTime, TimeSpan period)
        {
            Due = dueTime == Timeout.InfiniteTimeSpan ? null : now + dueTime;
            Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            Sequence = ++owner._sequence;
            if (Due is not null)
            {
                owner.ArmedLocked(dueTime);
            }
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
