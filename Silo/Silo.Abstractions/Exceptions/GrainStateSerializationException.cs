namespace Silo;

/// <summary>
/// A stored state could not be deserialized (corrupt or incompatible JSON). The stored row is left as it is.
/// </summary>
public sealed class GrainStateSerializationException : Exception
{
    public GrainStateSerializationException(GrainId grainId, string stateName, Type stateType, Exception innerException)
        : base($"State '{stateName}' of grain {grainId} could not be read as {stateType?.Name}: {innerException?.Message} The stored data was left untouched.", innerException)
    {
        GrainId = grainId;
        StateName = stateName;
    }

    public GrainStateSerializationException()
    {
        StateName = string.Empty;
    }

    public GrainStateSerializationException(string message)
        : base(message)
    {
        StateName = string.Empty;
    }

    public GrainStateSerializationException(string message, Exception innerException)
        : base(message, innerException)
    {
        StateName = string.Empty;
    }

    /// <summary>The grain whose state is unreadable.</summary>
    public GrainId GrainId { get; }

    /// <summary>The name of the unreadable state.</summary>
    public string StateName { get; }
}
