namespace Silo.Catalog;

/// <summary>A piece of an activation's work: a posted continuation (callback + state), or a request to start.</summary>
internal readonly struct WorkItem(SendOrPostCallback? callback, object? state)
{
    public SendOrPostCallback? Callback { get; } = callback;

    public object? State { get; } = state;

    public static WorkItem ForRequest(ActivationRequest request) => new(null, request);
}
