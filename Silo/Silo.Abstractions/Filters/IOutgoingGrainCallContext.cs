namespace Silo.Filters;

/// <summary>A call leaving its caller; outgoing filters run in the caller's context.</summary>
public interface IOutgoingGrainCallContext : IGrainCallContext
{
    /// <summary>The calling grain, or null when the caller is not a grain.</summary>
    GrainId? SourceId { get; }
}
