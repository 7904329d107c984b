namespace LlmMultiChat.Grains;

/// <summary>
/// State writes a grain makes after the call that changed the state has returned, so no reply waits on the disk:
/// one at a time, in the order queued, each as the activation's background work (it runs in the activation's
/// context, keeps the activation alive until it ends, and an exception it lets escape is logged by the runtime).
/// A crash loses at most the changes still queued.
/// </summary>
internal sealed class WriteBehindQueue(Func<Func<CancellationToken, Task>, Task> runInBackground)
{
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
}
