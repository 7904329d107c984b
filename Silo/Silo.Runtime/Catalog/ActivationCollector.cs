using Silo.Hosting;

namespace Silo.Catalog;

/// <summary>
/// Deactivates activations that have been idle longer than their type's age (checked every collection quantum),
/// and, when the catalog holds more than the limit, the least recently used idle ones. Busy activations are
/// never chosen.
/// </summary>
internal sealed class ActivationCollector : IDisposable
{
    private readonly SiloRuntime _runtime;
    private readonly ITimer _timer;
    private int _evicting;
    private TaskCompletionSource _evictionPass = CompletedPass();

    public ActivationCollector(SiloRuntime runtime)
    {
        _runtime = runtime;
        var quantum = runtime.Options.CollectionQuantum;
        _timer = runtime.Time.CreateTimer(static state => ((ActivationCollector)state!).CollectIdle(), this, quantum, quantum);
        runtime.Catalog.LimitExceeded += RequestEviction;
    }

    /// <summary>Completes when the latest eviction pass has chosen and started deactivating its activations.</summary>
    public Task LastEvictionPass => Volatile.Read(ref _evictionPass).Task;

    public void Dispose()
    {
        _runtime.Catalog.LimitExceeded -= RequestEviction;
        _timer.Dispose();
    }

    /// <summary>Deactivates every activation idle for at least its type's collection age.</summary>
    public int CollectIdle()
    {
        var now = _runtime.Time.GetTimestamp();
        var collected = 0;
        foreach (var activation in _runtime.Catalog.All)
        {
            if (activation.Type.CollectionAge is { } age
                && activation.LooksIdle
                && _runtime.Time.GetElapsedTime(activation.LastUsed, now) >= age
                && activation.TryDeactivate(new DeactivationReason(DeactivationReasonCode.IdleTimeout, $"Idle for {age}."), onlyIfIdle: true))
            {
                collected++;
            }
        }

        return collected;
    }

    private void RequestEviction()
    {
        if (Interlocked.CompareExchange(ref _evicting, 1, 0) != 0)
        {
            return;
        }

        var pass = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _evictionPass, pass);
        ThreadPool.UnsafeQueueUserWorkItem(static state => state.collector.Evict(state.pass), (collector: this, pass), preferLocal: false);
    }

    private void Evict(TaskCompletionSource pass)
    {
        try
        {
            var excess = _runtime.Catalog.Count - _runtime.Options.MaxActivations;
            if (excess <= 0)
            {
                return;
            }

            // The `excess` least recently used idle activations: a max-heap on last use keeps the oldest ones.
            var oldest = new PriorityQueue<ActivationData, long>(excess + 1, Comparer<long>.Create(static (a, b) => b.CompareTo(a)));
            foreach (var activation in _runtime.Catalog.All)
            {
                if (!activation.LooksIdle)
                {
                    continue;
                }

                oldest.Enqueue(activation, activation.LastUsed);
                if (oldest.Count > excess)
                {
                    oldest.Dequeue();
                }
            }

            var reason = new DeactivationReason(DeactivationReasonCode.ActivationLimitExceeded, $"More than {_runtime.Options.MaxActivations} activations.");
            while (oldest.TryDequeue(out var activation, out _))
            {
                activation.TryDeactivate(reason, onlyIfIdle: true);
            }
        }
        finally
        {
            Volatile.Write(ref _evicting, 0);
            pass.TrySetResult();
        }
    }

    private static TaskCompletionSource CompletedPass()
    {
        var completed = new TaskCompletionSource();
        completed.SetResult();
        return completed;
    }
}
