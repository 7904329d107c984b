namespace Silo.Catalog;

/// <summary>
/// Something an activation must admit under its turn policy before it runs: a grain call, or a timer tick that
/// does not interleave.
/// </summary>
internal abstract class ActivationRequest
{
    protected ActivationRequest(ActivationRequest? caller)
    {
        Caller = caller;
    }

    /// <summary>The request whose turn issued this one; the links form the call chain deadlock detection walks.</summary>
    public ActivationRequest? Caller { get; }

    /// <summary>Admitted even while another request holds a non-reentrant activation.</summary>
    public abstract bool Interleaves { get; }

    /// <summary>Whether finishing it counts as use of the activation (resets its idle age). Timer ticks only do when KeepAlive.</summary>
    public virtual bool CountsAsUse => true;

    /// <summary>True when running it is pointless: its caller already gave up (timeout, cancellation) or the timer was disposed.</summary>
    public abstract bool IsAbandoned { get; }

    /// <summary>Runs the request in a turn of <paramref name="activation"/>; it reports back through OnRequestCompleted.</summary>
    public abstract void Start(ActivationData activation);

    /// <summary>Ends the request without running it.</summary>
    public abstract void Reject(Exception error);

    /// <summary>Offers the request to a newer activation of its grain after the one it waited on went away.</summary>
    /// <returns>False when the request is bound to the old activation (a timer tick) and is dropped instead.</returns>
    public abstract bool TryRedispatch();

    /// <summary>"grain-type/key.Method", one link of a call chain in error messages.</summary>
    public abstract string Describe();
}
