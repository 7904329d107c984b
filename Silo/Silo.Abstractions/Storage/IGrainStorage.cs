namespace Silo.Storage;

/// <summary>
/// A grain state store. Every provider passes the storage conformance suite: reads return what the last
/// successful write stored; a write or clear whose ETag does not match the stored one throws
/// <see cref="InconsistentStateException"/> and changes nothing; a successful write assigns a new ETag.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Reads the state into <paramref name="grainState"/> (a new TState and a null ETag when there is no record).</summary>
    /// <exception cref="GrainStateSerializationException">The stored data cannot be deserialized.</exception>
    Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken);

    /// <summary>Writes the state if its ETag matches storage, then sets the new ETag.</summary>
    Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken);

    /// <summary>Deletes the record if its ETag matches storage.</summary>
    Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken);
}
