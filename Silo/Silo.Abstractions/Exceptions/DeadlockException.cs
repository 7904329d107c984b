namespace Silo;

/// <summary>
/// A call would wait on a non-reentrant activation that is itself waiting, directly or through other grains, on
/// this call. The call fails at once instead of hanging until its timeout.
/// </summary>
public sealed class DeadlockException : Exception
{
    public DeadlockException(IReadOnlyList<string> callChain)
        : base($"Deadlock: {string.Join(" -> ", callChain)}. The first grain is not reentrant and is already waiting on this chain; mark the method [AlwaysInterleave] or the grain [Reentrant], or break the cycle.")
    {
        CallChain = callChain;
    }

    public DeadlockException()
        : this(Array.Empty<string>())
    {
    }

    public DeadlockException(string message)
        : base(message)
    {
        CallChain = Array.Empty<string>();
    }

    public DeadlockException(string message, Exception innerException)
        : base(message, innerException)
    {
        CallChain = Array.Empty<string>();
    }

    /// <summary>The calls of the cycle, outermost first, each as "grain-type/key.Method", ending with the grain called again.</summary>
    public IReadOnlyList<string> CallChain { get; }
}
