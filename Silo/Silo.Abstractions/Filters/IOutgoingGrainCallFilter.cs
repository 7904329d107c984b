namespace Silo.Filters;

/// <summary>Runs around every call sent through this silo. Call <c>context.Invoke()</c> to continue.</summary>
public interface IOutgoingGrainCallFilter
{
    ValueTask Invoke(IOutgoingGrainCallContext context);
}
