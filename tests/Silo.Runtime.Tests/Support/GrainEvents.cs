namespace Silo.Runtime.Tests.Support;

/// <summary>What test grains did, in order, with awaitable waits (so tests never sleep).</summary>
public sealed class GrainEvents
{
    private readonly Lock _lock = new();
    private readonly List<string> _events = [];
    private readonly List<(string Event, int Count, TaskCompletionSource Signal)> _waiters = [];

    public void Record(string @event)
    {
        lock (_lock)
        {
            _events.Add(@event);
            foreach (var waiter in _waiters.Where(w => CountLocked(w.Event) >= w.Count).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public int Count(string @event)
    {
        lock (_lock)
        {
            return CountLocked(@event);
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_lock)
        {
            return [.. _events];
        }
    }

    /// <summary>Completes once <paramref name="event"/> has been recorded at least <paramref name="count"/> times.</summary>
    public Task WaitFor(string @event, int count = 1)
    {
        lock (_lock)
        {
            if (CountLocked(@event) >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((@event, count, signal));
            return signal.Task;
        }
    }

    private int CountLocked(string @event) => _events.Count(e => e == @event);
}
