namespace Silo.Invocation;

/// <summary>
/// One call's method and arguments. Generated code implements it as a struct per interface method; the runtime
/// embeds that struct in its call message, so a call allocates once.
/// </summary>
public interface IGrainRequest
{
    /// <summary>The method called.</summary>
    GrainMethod Method { get; }

    /// <summary>The number of arguments (a CancellationToken parameter included).</summary>
    int ArgumentCount { get; }

    /// <summary>An argument, boxed; for filters and diagnostics, not for the call path.</summary>
    object? GetArgument(int index);

    /// <summary>The caller's CancellationToken argument, or <see cref="CancellationToken.None"/> when the method takes none.</summary>
    CancellationToken CancellationToken { get; }
}

/// <summary>A call to a method returning Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;.</summary>
public interface IGrainRequest<TResult> : IGrainRequest
{
    /// <summary>Calls the method on the grain, passing <paramref name="cancellationToken"/> as its CancellationToken argument.</summary>
    ValueTask<TResult> Invoke(object grain, CancellationToken cancellationToken);
}

/// <summary>A call to a method returning IAsyncEnumerable&lt;T&gt;.</summary>
public interface IStreamingGrainRequest<TItem> : IGrainRequest
{
    /// <summary>Calls the method on the grain, passing <paramref name="cancellationToken"/> as its CancellationToken argument.</summary>
    IAsyncEnumerable<TItem> Invoke(object grain, CancellationToken cancellationToken);
}
