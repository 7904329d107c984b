using System.Collections.Concurrent;
using System.Globalization;

namespace Silo.Storage;

/// <summary>
/// Grain state in process memory, for tests and development. States are stored serialized, so a stored state
/// never changes when the grain later mutates its object, exactly as with a database.
/// </summary>
public sealed class MemoryGrainStorage(GrainStateSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string Type, string Key, string State), Entry> _entries = new();
    private long _nextEtag;

    public MemoryGrainStorage()
        : this(GrainStateSerializer.Default)
    {
    }

    public Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (_entries.TryGetValue(Key(stateName, grainId), out var entry))
        {
            grainState.State = serializer.Deserialize<TState>(entry.Json, grainId, stateName);
            grainState.ETag = entry.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<TState>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = Key(stateName, grainId);
        var replacement = new Entry(serializer.Serialize(grainState.State), NewEtag());
        if (grainState.ETag is null)
        {
            if (!_entries.TryAdd(key, replacement))
            {
                throw Conflict(stateName, grainId, grainState.ETag);
            }
        }
        else if (!_entries.TryGetValue(key, out var current) || current.ETag != grainState.ETag || !_entries.TryUpdate(key, replacement, current))
        {
            throw Conflict(stateName, grainId, grainState.ETag);
        }

        grainState.ETag = replacement.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = Key(stateName, grainId);
        if (_entries.TryGetValue(key, out var current))
        {
            if (current.ETag != grainState.ETag || !_entries.TryRemove(new KeyValuePair<(string, string, string), Entry>(key, current)))
            {
                throw Conflict(stateName, grainId, grainState.ETag);
            }
        }
        else if (grainState.ETag is not null)
        {
            throw Conflict(stateName, grainId, grainState.ETag);
        }

        grainState.State = Activator.CreateInstance<TState>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static (string, string, string) Key(string stateName, GrainId grainId) => (grainId.Type, grainId.Key, stateName);

    private string NewEtag() => Interlocked.Increment(ref _nextEtag).ToString(CultureInfo.InvariantCulture);

    private InconsistentStateException Conflict(string stateName, GrainId grainId, string? heldEtag)
    {
        var stored = _entries.TryGetValue(Key(stateName, grainId), out var entry) ? entry.ETag : null;
        return StorageConflict.Create(stateName, grainId, stored, heldEtag);
    }

    private sealed record Entry(string Json, string ETag);
}
