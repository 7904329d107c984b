using Microsoft.AspNetCore.Http.HttpResults;
using Silo.Hosting;

namespace LlmMultiChat.ApiHost.Cluster;

/// <summary>The cluster view: which silos run, since when, and what they host.</summary>
public static class ClusterApi
{
    public static IEndpointRouteBuilder MapClusterApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/cluster", GetCluster)
            .WithName("GetCluster")
            .WithSummary("Lists the silos of the cluster with their status, uptime and activations per grain type.")
            .WithTags("Cluster")
            .RequireAuthorization(Auth.Policies.Admin);
        return routes;
    }

    // Single-silo mode: the list holds this node; cluster mode adds the other members.
    public static Ok<ClusterResponse> GetCluster(SiloHost silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return TypedResults.Ok(new ClusterResponse([SiloResponse.From(silo.GetSnapshot())]));
    }
}
