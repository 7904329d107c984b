using Silo.Hosting;

namespace LlmMultiChat.ApiHost.Cluster;

/// <summary>One silo in the cluster view.</summary>
/// <param name="Name">The configured silo name (<c>Silo:SiloName</c>, default the machine name).</param>
/// <param name="Address">Where the silo is reached and which incarnation it is; unique per silo start.</param>
/// <param name="Version">The runtime version the silo runs.</param>
/// <param name="Status"><c>Created</c>, <c>Starting</c>, <c>Running</c>, <c>Stopping</c> or <c>Stopped</c>.</param>
/// <param name="StartedAt">When the silo began taking calls (UTC); null before that.</param>
/// <param name="UptimeSeconds">Seconds since <paramref name="StartedAt"/> while running or stopping, else 0.</param>
/// <param name="Activations">Grain activations in the silo now.</param>
/// <param name="ActivationsByGrainType">Activations per registered grain type name (0 for types with none).</param>
public sealed record SiloResponse(
    string Name,
    string Address,
    string Version,
    string Status,
    DateTimeOffset? StartedAt,
    double UptimeSeconds,
    int Activations,
    IReadOnlyDictionary<string, int> ActivationsByGrainType)
{
    public static SiloResponse From(SiloSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new SiloResponse(
            snapshot.SiloName,
            snapshot.Address,
            snapshot.Version,
            snapshot.Status.ToString(),
            snapshot.StartedAt,
            Math.Round(snapshot.Uptime.TotalSeconds, 3),
            snapshot.TotalActivations,
            snapshot.ActivationsByGrainType);
    }
}
