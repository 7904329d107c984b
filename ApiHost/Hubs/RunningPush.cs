namespace LlmMultiChat.ApiHost.Hubs;

/// <summary>One conversation's push; disposing it stops the push and waits until it has ended.</summary>
internal sealed class RunningPush : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _push;

    /// <param name="push">Runs until its token is cancelled and handles its own failures.</param>
    /// <param name="connectionAborted">Also stops the push, so none outlives its connection whatever the order of Join and disconnect.</param>
    public RunningPush(Func<CancellationToken, Task> push, CancellationToken connectionAborted)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(connectionAborted);
        _push = Task.Run(() => push(_stop.Token), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _push.ConfigureAwait(false);
        _stop.Dispose();
    }
}
