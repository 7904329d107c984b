namespace Silo.Storage;

/// <summary>A state with its ETag, as storage providers read and write it.</summary>
public interface IGrainState<TState>
{
    TState State { get; set; }

    string? ETag { get; set; }

    bool RecordExists { get; set; }
}
