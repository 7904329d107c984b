namespace Silo;

/// <summary>
/// A grain's durable state. Writes use optimistic concurrency: a write whose ETag no longer matches storage throws
/// <see cref="InconsistentStateException"/> and writes nothing.
/// </summary>
public interface IPersistentState<TState>
{
    /// <summary>The state; a new <typeparamref name="TState"/> when nothing is stored.</summary>
    TState State { get; set; }

    /// <summary>The version of the state last read or written; null when there is no record.</summary>
    string? Etag { get; }

    /// <summary>True when storage holds a record for this state.</summary>
    bool RecordExists { get; }

    /// <summary>Reads the state from storage, replacing <see cref="State"/>.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes <see cref="State"/>; completes when it is durable.</summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the stored record and resets <see cref="State"/> to a new instance.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
