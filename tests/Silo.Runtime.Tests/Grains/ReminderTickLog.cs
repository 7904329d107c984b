namespace Silo.Runtime.Tests.Grains;

/// <summary>The ticks grains received, in order; tests await a count instead of waiting for time to pass.</summary>
public sealed class ReminderTickLog
{
    private readonly Lock _lock = new();
    private readonly List<ReminderTick> _ticks = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    public IReadOnlyList<ReminderTick> Ticks
    {
        get
        {
            lock (_lock)
            {
                return [.. _ticks];
            }
        }
    }

    public void Record(ReminderTick tick)
    {
        List<TaskCompletionSource> reached;
        lock (_lock)
        {
            _ticks.Add(tick);
            reached = [.. _waiters.Where(w => w.Count <= _ticks.Count).Select(w => w.Reached)];
            _waiters.RemoveAll(w => w.Count <= _ticks.Count);
        }

        foreach (var waiter in reached)
        {
            waiter.SetResult();
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> ticks have been recorded.</summary>
    public Task WhenCount(int count)
    {
        lock (_lock)
        {
            if (_ticks.Count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task;
        }
    }
}
