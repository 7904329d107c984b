namespace LlmMultiChat.Grains.Llm.Gateway;

/// <summary>
/// Cancels one try when the provider stays silent too long: armed with the first-token timeout before the request is
/// sent, then with the between-tokens timeout around each wait for the next piece (never while the caller is busy
/// with a piece). Runs on the injected clock.
/// </summary>
internal sealed class StreamWatchdog : IDisposable
{
    private readonly CancellationTokenSource _silence;
    private readonly CancellationTokenSource _linked;
    private string _awaited = string.Empty;
    private TimeSpan _timeout;

    public StreamWatchdog(TimeProvider time, CancellationToken reply)
    {
        _silence = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(reply, _silence.Token);
    }

    /// <summary>Cancelled when the watchdog fires, the caller cancels, or the reply's total timeout strikes.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>What was awaited and for how long, once the watchdog fired; null before.</summary>
    public string? Expired => _silence.IsCancellationRequested ? $"{_awaited} for {_timeout}" : null;

    public void Arm(TimeSpan timeout, string awaited)
    {
        _awaited = awaited;
        _timeout = timeout;
        _silence.CancelAfter(timeout);
    }

    public void Disarm()
    {
        if (!_silence.IsCancellationRequested)
        {
            _silence.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        _linked.Dispose();
        _silence.Dispose();
    }
}
