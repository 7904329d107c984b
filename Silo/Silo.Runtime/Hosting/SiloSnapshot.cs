namespace Silo.Hosting;

/// <summary>A silo at one moment, for the cluster view and health pages.</summary>
public sealed record SiloSnapshot(
    string SiloName,
    string Address,
    string Version,
    SiloStatus Status,
    DateTimeOffset? StartedAt,
    TimeSpan Uptime,
    int TotalActivations,
    IReadOnlyDictionary<string, int> ActivationsByGrainType);
