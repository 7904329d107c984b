using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using LlmMultiChat.ApiHost.Auth;
using LlmMultiChat.ApiHost.Characters;
using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.ApiHost.RateLimiting;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LlmMultiChat.ApiHost.Conversations;

/// <summary>
/// Conversations: create, list, read, change and delete them, invite and remove humans, page through messages,
/// send a message and wait for the replies, interrupt, and rate replies. Who may do what is
/// <see cref="ConversationOperations"/>; a conversation the caller may not see answers 404, as if it did not exist.
/// </summary>
public static class ConversationsApi
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;

    public const string MessageNotFoundDetail = "No such message.";

    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var conversations = routes.MapGroup("/conversations").WithTags("Conversations").ProducesProblem(StatusCodes.Status401Unauthorized);
        conversations.MapPost("/", Create).RequireAuthorization(Policies.Writer)
            .WithSummary("Creates a conversation owned by the caller with the given characters.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        conversations.MapGet("/", List)
            .WithSummary("The conversations the caller owns or takes part in, newest first.");
        conversations.MapGet("/{id}", Get)
            .WithSummary("A conversation's settings and participants.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        conversations.MapPatch("/{id}", Update)
            .WithSummary("Changes the title, turn policy, autonomous follow-ups or characters (owner and admins).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        conversations.MapDelete("/{id}", Delete)
            .WithSummary("Deletes the conversation, its messages and their feedback (owner and admins).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        conversations.MapPost("/{id}/participants", AddParticipant)
            .WithSummary("Invites an account by username (owner and admins).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        conversations.MapDelete("/{id}/participants/{userId}", RemoveParticipant)
            .WithSummary("Removes a human (owner and admins), or lets a participant leave (their own id). The owner cannot be removed.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        conversations.MapGet("/{id}/messages", Messages)
            .WithSummary("A page of messages, oldest first: the newest ones, or those before a message index.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        conversations.MapPost("/{id}/messages", SendMessage)
            .RequireConversationAccess(ConversationOperations.Participate).RequireTokenQuota().RequireRateLimiting(RateLimitPolicies.SendMessage)
            .WithSummary("Sends a message and answers once its turn is over, with the replies.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        conversations.MapPost("/{id}/interrupt", Interrupt)
            .WithSummary("Stops the reply being generated (its partial text is kept as interrupted) and drops pending follow-ups.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        routes.MapGroup("/messages").WithTags("Conversations").ProducesProblem(StatusCodes.Status401Unauthorized)
            .MapPost("/{id}/feedback", RateMessage)
            .WithSummary("Rates a character's reply up or down; the caller's later rating replaces the earlier one.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Created<ConversationInfo>> Create(
        CreateConversationRequest request, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization, IOptions<ConversationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(grains);
        await RequireReadableCharactersAsync(request.CharacterIds, caller, grains, authorization, options.Value).ConfigureAwait(false);
        var id = NewConversationId();
        var spec = new ConversationSpec(
            new ConversationMember(caller.UserId(), caller.UserName()),
            request.CharacterIds,
            request.Title,
            request.Policy ?? TurnPolicy.Natural,
            request.MaxAutoTurns ?? ConversationSpec.DefaultMaxAutoTurns);
        var info = await grains.GetGrain<IChatSessionGrain>(id).Create(spec).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/conversations/{id}", info);
    }

    public static async Task<Ok<ConversationListResponse>> List(ClaimsPrincipal caller, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var userId = caller.UserId();
        var ids = await grains.GetGrain<IUserGrain>(userId).Conversations().ConfigureAwait(false);
        var conversations = await Task.WhenAll(ids.Select(id => grains.GetGrain<IChatSessionGrain>(id).Info())).ConfigureAwait(false);
        return TypedResults.Ok(new ConversationListResponse(
        [
            .. conversations.OfType<ConversationInfo>().Where(c => c.Humans.Any(h => h.Id == userId)).OrderByDescending(c => c.CreatedAt),
        ]));
    }

    public static async Task<Ok<ConversationInfo>> Get(string id, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return TypedResults.Ok(await authorization.RequireAsync(caller, grains.GetGrain<IChatSessionGrain>(id), ConversationOperations.Read).ConfigureAwait(false));
    }

    public static async Task<Ok<ConversationInfo>> Update(
        string id, UpdateConversationRequest request, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization, IOptions<ConversationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(grains);
        var conversation = grains.GetGrain<IChatSessionGrain>(id);
        await authorization.RequireAsync(caller, conversation, ConversationOperations.Manage).ConfigureAwait(false);
        if (request.CharacterIds is { } characterIds)
        {
            await RequireReadableCharactersAsync(characterIds, caller, grains, authorization, options.Value).ConfigureAwait(false);
        }

        var update = new ConversationUpdate(request.Title, request.Policy, request.MaxAutoTurns, request.CharacterIds);
        return TypedResults.Ok(await conversation.Update(update).ConfigureAwait(false));
    }

    public static async Task<NoContent> Delete(string id, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var conversation = grains.GetGrain<IChatSessionGrain>(id);
        var info = await authorization.RequireAsync(caller, conversation, ConversationOperations.Manage).ConfigureAwait(false);
        // The grain lets only the owner delete; an admin was authorized above, so it acts in the owner's name.
        await conversation.Delete(info.OwnerId).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ConversationInfo>, ProblemHttpResult>> AddParticipant(
        string id, AddParticipantRequest request, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(grains);
        new FieldErrors().Check("username", string.IsNullOrWhiteSpace(request.Username) ? "Give the username of the account to invite." : null).ThrowIfAny();
        var conversation = grains.GetGrain<IChatSessionGrain>(id);
        await authorization.RequireAsync(caller, conversation, ConversationOperations.Manage).ConfigureAwait(false);
        var userId = await grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key).Resolve(request.Username).ConfigureAwait(false);
        var profile = userId is null ? null : await grains.GetGrain<IUserGrain>(userId).Profile().ConfigureAwait(false);
        // The directory also resolves emails; an invitation must not confirm that an address has an account.
        if (profile is null || !profile.Username.Equals(request.Username, StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.Result(ApiErrors.NotFound, "No account has this username.");
        }

        return TypedResults.Ok(await conversation.AddHuman(new ConversationMember(profile.Id, profile.Username)).ConfigureAwait(false));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveParticipant(
        string id, string userId, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var conversation = grains.GetGrain<IChatSessionGrain>(id);
        var leaving = userId == caller.UserId();
        var info = await authorization.RequireAsync(caller, conversation, leaving ? ConversationOperations.Read : ConversationOperations.Manage).ConfigureAwait(false);
        if (userId == info.OwnerId)
        {
            return ApiProblems.Result(ApiErrors.Conflict, "The owner cannot leave or be removed; delete the conversation instead.");
        }

        if (info.Humans.All(h => h.Id != userId))
        {
            return ApiProblems.Result(ApiErrors.NotFound, "No such participant.");
        }

        await conversation.RemoveHuman(userId).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<MessagePageResponse>> Messages(
        string id, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization, long? before = null, int limit = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(grains);
        new FieldErrors()
            .Check("before", before < 0 ? "before is a message index, 0 or more." : null)
            .Check("limit", limit is < 1 or > MaxPageSize ? $"limit must be between 1 and {MaxPageSize}." : null)
            .ThrowIfAny();
        var conversation = grains.GetGrain<IChatSessionGrain>(id);
        await authorization.RequireAsync(caller, conversation, ConversationOperations.Read).ConfigureAwait(false);
        var page = await conversation.Messages(before, limit).ConfigureAwait(false);
        // Indexes run from 0 without gaps, so older messages exist exactly when the oldest here is not the first.
        return TypedResults.Ok(new MessagePageResponse(page, page.Count > 0 && page[0].Index > 0));
    }

    public static async Task<Ok<SendMessageResponse>> SendMessage(string id, SendMessageRequest request, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        await using var turn = await StartedTurn.SendAsync(id, request, http).ConfigureAwait(false);
        return TypedResults.Ok(await turn.CompleteAsync(http.RequestAborted).ConfigureAwait(false));
    }

    public static async Task<Accepted> Interrupt(string id, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var conversation = grains.GetGrain<IChatSessionGrain>(id);
        await authorization.RequireAsync(caller, conversation, ConversationOperations.Participate).ConfigureAwait(false);
        await conversation.Interrupt(caller.UserId()).ConfigureAwait(false);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<NoContent> RateMessage(
        string id, MessageFeedbackRequest request, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization, IConversationLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(log);
        // Message ids do not name their conversation; the log knows it.
        var message = await log.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new ApiException(ApiErrors.NotFound, MessageNotFoundDetail);
        var conversation = grains.GetGrain<IChatSessionGrain>(message.ConversationId);
        await authorization.RequireAsync(caller, await conversation.Info().ConfigureAwait(false), ConversationOperations.Participate, MessageNotFoundDetail).ConfigureAwait(false);
        await conversation.RateMessage(caller.UserId(), message.Id, request.Rating).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Characters the caller may not read (others' private ones) are refused exactly like unknown ones, so their ids
    /// cannot be probed. The count is checked first, so a long list costs no lookups.
    /// </summary>
    private static async Task RequireReadableCharactersAsync(
        IReadOnlyCollection<string> characterIds, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization, ConversationOptions options)
    {
        var ids = characterIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0 || ids.Count >= options.MaxParticipants)
        {
            throw ApiException.Validation("characterIds", $"A conversation needs between 1 and {options.MaxParticipants - 1} characters.");
        }

        foreach (var characterId in ids)
        {
            if (string.IsNullOrWhiteSpace(characterId))
            {
                throw ApiException.Validation("characterIds", "A character id must not be empty.");
            }

            var profile = await grains.GetGrain<ICharacterGrain>(characterId).Profile().ConfigureAwait(false);
            if (profile is null || !(await authorization.AuthorizeAsync(caller, profile, CharacterOperations.Read).ConfigureAwait(false)).Succeeded)
            {
                throw ApiException.Validation("characterIds", $"Character {characterId} does not exist.");
            }
        }
    }

    /// <summary>128 random bits, base64url: unguessable and safe in a URL path.</summary>
    private static string NewConversationId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
