namespace Silo.Filters;

/// <summary>A call arriving at an activation; incoming filters run inside the activation's turn.</summary>
public interface IIncomingGrainCallContext : IGrainCallContext
{
    /// <summary>The grain instance being called.</summary>
    object Grain { get; }
}
