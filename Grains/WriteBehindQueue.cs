namespace LlmMultiChat.Grains;

/// <summary>
/// State writes a grain makes after the call that changed the state has returned, so no reply waits on the disk:
/// one at a time, in the order queued, each as the activation's background work (it runs in the activation's
/// context, keeps the activation alive until it ends, and an exception it lets escape is logged by the runtime).
/// A crash loses at most the changes still queued.
/// </summary>
internal sealed class WriteBehindQueue(Func<Func<CancellationToken, Task>, Task> runInBackground)
{
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
    private Task _last = Task.CompletedTask;

    /// <summary>Completes when every write queued so far has ended, whether or not it succeeded.</summary>
    public async Task DrainAsync() =>
        await _last.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);

    public void Enqueue(Func<Task> write)
    {
        var previous = _last;
        _last = runInBackground(async _ =>
        {
            await previous.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
            await write();
        });
    }

    /// <summary>
    /// Queues the write of <paramref name="what"/> unless one is queued and not yet started: that one writes the state
    /// as it is when its turn comes, so it carries this change too. Activations are single-threaded, so no lock.
    /// </summary>
    public void EnqueueOnce(string what, Func<Task> write)
    {
        if (_queued.Add(what))
        {
            Enqueue(() =>
            {
                _queued.Remove(what);
                return write();
            });
        }
    }
}
