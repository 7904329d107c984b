namespace Silo;

/// <summary>
/// An activation could not start (its constructor, a state read or <c>OnActivateAsync</c> threw). Calls waiting
/// for it fail with this exception; the next call tries to activate the grain again.
/// </summary>
public sealed class GrainActivationException : Exception
{
    public GrainActivationException(GrainId grainId, Exception innerException)
        : base($"Activation of grain {grainId} failed: {innerException?.Message}", innerException)
    {
        GrainId = grainId;
    }

    public GrainActivationException()
    {
    }

    public GrainActivationException(string message)
        : base(message)
    {
    }

    public GrainActivationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The grain that failed to activate.</summary>
    public GrainId GrainId { get; }
}
