namespace Silo.Filters;

/// <summary>
/// Runs around every call an activation receives (silo-wide when registered as a service; per grain when the
/// grain class implements it). Call <c>context.Invoke()</c> to continue.
/// </summary>
public interface IIncomingGrainCallFilter
{
    ValueTask Invoke(IIncomingGrainCallContext context);
}
