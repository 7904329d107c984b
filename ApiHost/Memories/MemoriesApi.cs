using System.Security.Claims;
using LlmMultiChat.ApiHost.Auth;
using LlmMultiChat.ApiHost.Characters;
using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.ApiHost.RateLimiting;
using LlmMultiChat.Grains.Memory;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmMultiChat.ApiHost.Memories;

/// <summary>
/// The caller's own memories: what characters keep of them (long-term) and summaries of their threads (mid-term),
/// listed, searched and deleted. Every role, guests included (it is their data). There is no way to name another
/// user: every call is keyed by the caller's id (<see cref="PersonalMemories"/>), so someone else's memory id is
/// simply not found.
/// </summary>
public static class MemoriesApi
{
    public const int MaxLimit = 200;
    public const int MaxQueryLength = 1000;

    public static IEndpointRouteBuilder MapMemoriesApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var memories = routes.MapGroup("/memories").WithTags("Memories")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);
        memories.MapGet("/", List).WithName("ListMemories").RequireRateLimiting(RateLimitPolicies.MemorySearch)
            .WithSummary("The caller's memories: newest first, or with q the most relevant first.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        memories.MapDelete("/{id}", Delete).WithName("DeleteMemory")
            .WithSummary("Deletes one of the caller's memories.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <param name="q">Ranks by similarity to this text (1 to 1,000 characters).</param>
    /// <param name="tier"><c>long-term</c> or <c>mid-term</c>; both when absent.</param>
    /// <param name="characterId">Only memories of (or threads with) this character.</param>
    /// <param name="limit">1 to 200.</param>
    public static async Task<Ok<MemoryListResponse>> List(
        ClaimsPrincipal caller, PersonalMemories memories, CancellationToken cancellationToken, string? q = null, string? tier = null, string? characterId = null, int limit = 50)
    {
        ArgumentNullException.ThrowIfNull(memories);
        MemoryTier? parsedTier = tier is null ? null : MemoryTiers.Parse(tier) ?? throw new ApiException(ApiErrors.BadParameter, $"tier must be '{MemoryTiers.LongTerm}' or '{MemoryTiers.MidTerm}'.");
        if (characterId is not null && CharacterIds.Problem(characterId) is { } problem)
        {
            throw new ApiException(ApiErrors.BadParameter, "characterId: " + problem);
        }

        new FieldErrors()
            .Check("q", q is not null && (string.IsNullOrWhiteSpace(q) || q.Length > MaxQueryLength) ? $"q must be 1 to {MaxQueryLength} characters, not blank." : null)
            .Check("limit", limit is < 1 or > MaxLimit ? $"limit must be between 1 and {MaxLimit}." : null)
            .ThrowIfAny();
        var found = await memories.ListAsync(caller.UserId(), new UserMemoryQuery(parsedTier, characterId, q, limit), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new MemoryListResponse([.. found.Select(MemoryResponse.From)]));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, ClaimsPrincipal caller, PersonalMemories memories)
    {
        ArgumentNullException.ThrowIfNull(memories);
        var memoryId = MemoryId.Parse(id) ?? throw new ApiException(ApiErrors.BadParameter, "Not a memory id: expected lt.{characterId}.{memoryId} or mt.{summaryId}.");
        var forgotten = memoryId.Tier == MemoryTier.LongTerm
            ? await memories.ForgetLongTermAsync(caller.UserId(), memoryId.CharacterId!, memoryId.Key).ConfigureAwait(false)
            : await memories.ForgetMidTermAsync(caller.UserId(), memoryId.Key).ConfigureAwait(false);
        // Unknown and someone else's look the same, so ids cannot be probed.
        return forgotten ? TypedResults.NoContent() : ApiProblems.Result(ApiErrors.NotFound, "No such memory.");
    }
}
