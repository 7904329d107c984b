using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Llm.Support;

/// <summary>
/// A <see cref="ManualTimeProvider"/> that also says when code under test arms a timer, so a test can wait for "the
/// retry delay is pending" or "the watchdog is armed" before it advances the clock, instead of guessing.
/// </summary>
public sealed class SignallingTimeProvider : TimeProvider
{
    private readonly ManualTimeProvider _clock = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<TimeSpan, int> _armed = [];
    private readonly List<(TimeSpan Due, int Occurrence, TaskCompletionSource Signal)> _waiters = [];

    public override TimeZoneInfo LocalTimeZone => _clock.LocalTimeZone;

    public override long TimestampFrequency => _clock.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

    public override long GetTimestamp() => _clock.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SignallingTimer(this, _clock.CreateTimer(callback, state, dueTime, period));
        Armed(dueTime);
        return timer;
    }

    /// <summary>Moves the clock, firing due timers on this thread (see <see cref="ManualTimeProvider.Advance"/>).</summary>
    public void Advance(TimeSpan delta) => _clock.Advance(delta);

    /// <summary>Completes once a timer has been armed (created or changed) with <paramref name="dueTime"/> for the <paramref name="occurrence"/>-th time.</summary>
    public Task WhenArmed(TimeSpan dueTime, int occurrence = 1)
    {
        lock (_lock)
        {
            if (_armed.GetValueOrDefault(dueTime) >= occurrence)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((dueTime, occurrence, signal));
            return signal.Task;
        }
    }

    private void Armed(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        List<TaskCompletionSource> ready;
        lock (_lock)
        {
            var count = _armed[dueTime] = _armed.GetValueOrDefault(dueTime) + 1;
            ready = _waiters.Where(w => w.Due == dueTime && w.Occurrence <= count).Select(w => w.Signal).ToList();
            _waiters.RemoveAll(w => w.Due == dueTime && w.Occurrence <= count);
        }

        foreach (var signal in ready)
        {
            signal.TrySetResult();
        }
    }

    private sealed class SignallingTimer(SignallingTimeProvider owner, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            if (changed)
            {
                owner.Armed(dueTime);
            }

            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
