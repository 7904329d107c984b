namespace Silo.Storage;

/// <summary>The <see cref="IPersistentState{TState}"/> injected into grains: a state bound to one grain and one store.</summary>
internal sealed class PersistentState<TState>(GrainId grainId, string stateName, IGrainStorage storage)
    : IPersistentState<TState>, IGrainState<TState>, IStateLoader
{
    public TState State { get; set; } = Activator.CreateInstance<TState>();

    public string? Etag { get; private set; }

    public bool RecordExists { get; set; }

    public string StateName => stateName;

    string? IGrainState<TState>.ETag
    {
        get => Etag;
        set => Etag = value;
    }

    public Task ReadStateAsync(CancellationToken cancellationToken = default) =>
        storage.ReadStateAsync(stateName, grainId, this, cancellationToken);

    public Task WriteStateAsync(CancellationToken cancellationToken = default) =>
        storage.WriteStateAsync(stateName, grainId, this, cancellationToken);

    public Task ClearStateAsync(CancellationToken cancellationToken = default) =>
        storage.ClearStateAsync(stateName, grainId, this, cancellationToken);
}
