namespace LlmMultiChat.Grains.Llm.Gateway;

/// <summary>One gateway call's cancellation: the caller's token, or the total timeout on the injected clock.</summary>
internal sealed class ReplyDeadline : IDisposable
{
    private readonly CancellationTokenSource _total;
    private readonly CancellationTokenSource _linked;

    public ReplyDeadline(TimeProvider time, TimeSpan total, CancellationToken caller)
    {
        Total = total;
        CallerToken = caller;
        _total = new CancellationTokenSource(total, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _total.Token);
    }

    public TimeSpan Total { get; }

    public CancellationToken CallerToken { get; }

    /// <summary>Cancelled when the caller cancels or the total timeout strikes.</summary>
    public CancellationToken Token => _linked.Token;

    public bool CallerCancelled => CallerToken.IsCancellationRequested;

    public bool TotalExpired => _total.IsCancellationRequested;

    public bool IsOver => _linked.IsCancellationRequested;

    public void Dispose()
    {
        _linked.Dispose();
        _total.Dispose();
    }
}
