using System.Security.Claims;
using LlmMultiChat.ApiHost.Auth;
using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.ApiHost.RateLimiting;
using LlmMultiChat.Grains.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LlmMultiChat.ApiHost.Knowledge;

/// <summary>
/// The knowledge base: documents per namespace, and similarity search over their chunks. Everyone signed in reads
/// and searches every namespace; admins and premium accounts add and delete documents. An id that breaks
/// <see cref="KnowledgeNamespaces.Pattern"/> is a bad parameter (400): every valid id is a namespace, empty until
/// a document is added, so nothing is "not found" about it.
/// </summary>
public static class KnowledgeApi
{
    // JSON may escape each non-ASCII character (3 UTF-8 bytes) as \uXXXX (6 bytes); the rest is room for title and source.
    private const int JsonEscapingFactor = 2;
    private const int BodyAllowanceBytes = 64 << 10;

    public static IEndpointRouteBuilder MapKnowledgeApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var limits = routes.ServiceProvider.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
        var knowledge = routes.MapGroup("/knowledge/{namespace}").WithTags("Knowledge")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);

        knowledge.MapPost("/documents", Add).WithName("AddKnowledgeDocument").RequireAuthorization(Policies.KnowledgeWriter)
            .WithMetadata(new BodySizeLimit(((long)limits.MaxTextBytes * JsonEscapingFactor) + BodyAllowanceBytes))
            .WithSummary("Adds a document to the namespace: it is split into chunks and each chunk embedded for search.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        knowledge.MapGet("/documents", List).WithName("ListKnowledgeDocuments")
            .WithSummary("The namespace's documents (without their text), oldest first.");
        knowledge.MapDelete("/documents/{id}", Delete).WithName("DeleteKnowledgeDocument").RequireAuthorization(Policies.KnowledgeWriter)
            .WithSummary("Deletes a document and its chunks.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        knowledge.MapGet("/search", Search).WithName("SearchKnowledge").RequireRateLimiting(RateLimitPolicies.MemorySearch)
            .WithSummary("The k chunks most similar to the query q (cosine similarity of their embeddings), best first.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return routes;
    }

    public static async Task<Created<KnowledgeDocument>> Add(
        string @namespace, AddKnowledgeDocumentRequest request, ClaimsPrincipal caller, IGrainFactory grains, IOptions<KnowledgeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var knowledge = Namespace(grains, @namespace);
        ThrowIfAny(KnowledgeRules.DocumentProblems(request.Title, request.Text, request.Source, options.Value));
        var added = await knowledge.Add(new NewKnowledgeDocument(request.Title, request.Text, request.Source, caller.UserId())).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/knowledge/{@namespace}/documents/{added.Id}", added);
    }

    public static async Task<Ok<KnowledgeDocumentListResponse>> List(string @namespace, IGrainFactory grains)
    {
        var documents = await Namespace(grains, @namespace).Documents().ConfigureAwait(false);
        return TypedResults.Ok(new KnowledgeDocumentListResponse(@namespace, documents));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(string @namespace, string id, IGrainFactory grains) =>
        await Namespace(grains, @namespace).Delete(id).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : ApiProblems.Result(ApiErrors.NotFound, "No such document in this namespace.");

    /// <param name="q">The query text, 1 to 1,000 characters.</param>
    /// <param name="k">How many chunks to return, 1 to 50.</param>
    public static async Task<Ok<KnowledgeSearchResponse>> Search(string @namespace, IGrainFactory grains, IOptions<KnowledgeOptions> options, string? q = null, int k = 5)
    {
        ArgumentNullException.ThrowIfNull(options);
        var knowledge = Namespace(grains, @namespace);
        ThrowIfAny(KnowledgeRules.SearchProblems(q, k, options.Value));
        var results = await knowledge.Search(q!, k).ConfigureAwait(false);
        return TypedResults.Ok(new KnowledgeSearchResponse(@namespace, q!, results));
    }

    /// <exception cref="ApiException">400 E4004 when the id breaks the pattern.</exception>
    private static IKnowledgeGrain Namespace(IGrainFactory grains, string id)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return KnowledgeNamespaces.Problem(id) is { } problem
            ? throw new ApiException(ApiErrors.BadParameter, problem)
            : grains.GetGrain<IKnowledgeGrain>(id);
    }

    private static void ThrowIfAny(IReadOnlyList<(string Field, string Problem)> problems)
    {
        var errors = new FieldErrors();
        foreach (var (field, problem) in problems)
        {
            errors.Check(field, problem);
        }

        errors.ThrowIfAny();
    }
}
