using Silo.Catalog;

namespace Silo.Invocation;

/// <summary>
/// The request whose turn the current code runs in. It flows with the ExecutionContext through awaits, so an
/// outgoing call knows its caller even in interleaved and reentrant grains; background work and timers clear it.
/// </summary>
internal static class RequestContext
{
    private static readonly AsyncLocal<ActivationRequest?> s_current = new();

    public static ActivationRequest? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }
}
