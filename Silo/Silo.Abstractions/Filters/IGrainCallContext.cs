using Silo.Invocation;

namespace Silo.Filters;

/// <summary>One grain call as a filter sees it.</summary>
public interface IGrainCallContext
{
    /// <summary>The grain called.</summary>
    GrainId TargetId { get; }

    /// <summary>The method called.</summary>
    GrainMethod Method { get; }

    /// <summary>The arguments.</summary>
    IGrainRequest Request { get; }

    /// <summary>The result (boxed), available after <see cref="Invoke"/> completes; a filter may replace it.</summary>
    object? Result { get; set; }

    /// <summary>Runs the rest of the pipeline: the next filter, or the call itself.</summary>
    ValueTask Invoke();
}
