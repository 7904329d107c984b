namespace LlmMultiChat.ApiHost.Cluster;

/// <summary>The body of <c>GET /api/v1/cluster</c>.</summary>
public sealed record ClusterResponse(IReadOnlyList<SiloResponse> Silos);
