using Silo.Storage;

namespace LlmMultiChat.Grains.Tests.Support;

/// <summary>Memory grain storage whose writes can be made to fail, as a locked or full database would.</summary>
internal sealed class FailingWritesStorage : IGrainStorage
{
    private readonly MemoryGrainStorage _inner = new();

    public bool FailWrites { get; set; }

    public Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken) =>
        _inner.ReadStateAsync(stateName, grainId, grainState, cancellationToken);

    public Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken) =>
        FailWrites ? throw new GrainStorageException("The test made writes fail.") : _inner.WriteStateAsync(stateName, grainId, grainState, cancellationToken);

    public Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken) =>
        FailWrites ? throw new GrainStorageException("The test made writes fail.") : _inner.ClearStateAsync(stateName, grainId, grainState, cancellationToken);
}
