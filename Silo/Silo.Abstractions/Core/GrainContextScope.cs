namespace Silo;

/// <summary>
/// Hands the activation context to <see cref="Grain"/>'s constructor, so grain classes need no constructor
/// argument for it (the approach of Orleans' RuntimeContext). Only the runtime uses it.
/// </summary>
internal static class GrainContextScope
{
    [ThreadStatic]
    private static IGrainContext? t_constructing;

    internal static IGrainContext? Constructing => t_constructing;

    /// <summary>Runs <paramref name="create"/> with <paramref name="context"/> visible to <see cref="Grain"/>'s constructor.</summary>
    internal static T Construct<T>(IGrainContext context, Func<T> create)
    {
        var previous = t_constructing;
        t_constructing = context;
        try
        {
            return create();
        }
        finally
        {
            t_constructing = previous;
        }
    }
}
