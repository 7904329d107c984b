namespace Silo.Invocation;

/// <summary>
/// What a call needs only when it does not complete at once: its timeout timer, the caller's cancellation
/// registration, and linked tokens. Kept apart so the common synchronous call never allocates them.
/// </summary>
internal sealed class CallResources
{
    private readonly Lock _lock = new();
    private ITimer? _timeout;
    private CancellationTokenRegistration _callerCancellation;
    private CancellationTokenRegistration _lifetimeRegistration;
    private CancellationTokenSource? _linkedTokens;
    private bool _timersReleased;

    /// <summary>Arms the timeout (if any) and the caller's cancellation, unless the call was already resolved.</summary>
    public void Arm(TimeProvider time, TimeSpan? timeout, CallMessage message, CancellationToken callerToken)
    {
        lock (_lock)
        {
            if (_timersReleased)
            {
                return;
            }

            if (timeout is { } due)
            {
                _timeout = time.CreateTimer(static state => ((CallMessage)state!).OnTimeout(), message, due, Timeout.InfiniteTimeSpan);
            }

            if (callerToken.CanBeCanceled)
            {
                _callerCancellation = callerToken.UnsafeRegister(static state => ((CallMessage)state!).OnCallerCancelled(), message);
            }
        }
    }

    /// <summary>Links the caller's token with the activation's lifetime, for the grain to observe.</summary>
    public CancellationToken Link(CancellationToken callerToken, CancellationToken lifetime)
    {
        _linkedTokens = CancellationTokenSource.CreateLinkedTokenSource(callerToken, lifetime);
        return _linkedTokens.Token;
    }

    /// <summary>Cancels <paramref name="target"/> when the activation's lifetime ends.</summary>
    public void CancelOnLifetimeEnd(CancellationTokenSource target, CancellationToken lifetime) =>
        _lifetimeRegistration = lifetime.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), target);

    /// <summary>The call is resolved: its timeout and caller registration are no longer needed.</summary>
    public void ReleaseTimers()
    {
        lock (_lock)
        {
            _timersReleased = true;
            _timeout?.Dispose();
            _callerCancellation.Dispose();
        }
    }

    /// <summary>The grain is done with its tokens.</summary>
    public void ReleaseTokens()
    {
        _lifetimeRegistration.Dispose();
        _linkedTokens?.Dispose();
    }
}
