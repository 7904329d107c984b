using System.Globalization;
using System.Security.Claims;
using LlmMultiChat.ApiHost.Auth;
using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.ApiHost.RateLimiting;
using LlmMultiChat.Grains.Conversations;
using Microsoft.AspNetCore.Authorization;

namespace LlmMultiChat.ApiHost.Conversations;

/// <summary>
/// Server-sent events of conversations: send a message and stream its turn, or follow a conversation from an event
/// sequence number on (replay, then live). Replies keep generating when the client goes away; it resumes with
/// <c>Last-Event-ID</c> or <c>?after=</c>.
/// </summary>
public static class ConversationEventsApi
{
    /// <summary>The header a reconnecting EventSource sends with the last <c>id:</c> it received.</summary>
    public const string LastEventIdHeader = "Last-Event-ID";

    public static IEndpointRouteBuilder MapConversationEventsApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var options = ServerSentEventOptions.Bind(routes.ServiceProvider.GetRequiredService<IConfiguration>());
        var conversations = routes.MapGroup("/conversations").WithTags("Conversations").WithMetadata(options)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        conversations.MapPost("/{id}/stream", StreamTurn)
            .RequireConversationAccess(ConversationOperations.Participate).RequireTokenQuota().RequireRateLimiting(RateLimitPolicies.Stream)
            .WithSummary("Sends a message and streams its turn's events as text/event-stream, ending after the turn's complete_state.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status429TooManyRequests);
        conversations.MapGet("/{id}/events", Follow)
            .WithSummary("Streams the conversation's events after a sequence number (Last-Event-ID, else ?after=, else from now), then live ones until the client leaves.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return routes;
    }

    public static async Task<ConversationEventStreamResult> StreamTurn(string id, SendMessageRequest request, HttpContext http)
    {
        // Refusals (a bad character id, ...) are thrown here, before the stream starts, as ordinary problem responses.
        var turn = await StartedTurn.SendAsync(id, request, http).ConfigureAwait(false);
        return new ConversationEventStreamResult(turn.Events, turn.EndsWith);
    }

    /// <param name="after">The last sequence number the client has; the <c>Last-Event-ID</c> header wins when both are given.</param>
    public static async Task<ConversationEventStreamResult> Follow(
        string id, HttpContext http, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization, long? after = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(grains);
        var info = await authorization.RequireAsync(caller, grains.GetGrain<IChatSessionGrain>(id), ConversationOperations.Read).ConfigureAwait(false);
        var afterSeq = ResumePoint(http.Request, after, info);
        return new ConversationEventStreamResult(ConversationEventFeed.Follow(http.RequestServices, id, afterSeq, http.RequestAborted), isLast: null);
    }

    /// <summary>
    /// Where to resume: <c>Last-Event-ID</c> when present (a browser's EventSource sends it when it reconnects, to the
    /// URL it first opened, whose <c>after</c> is older), else <c>after</c>, else the conversation's last event (live
    /// events only). A number above the last event issued was never sent, so it is refused.
    /// </summary>
    private static long ResumePoint(HttpRequest request, long? after, ConversationInfo info)
    {
        var (field, value) = (nameof(after), after);
        if (request.Headers[LastEventIdHeader] is [var header])
        {
            if (!long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var lastEventId))
            {
                throw new ApiException(ApiErrors.BadParameter, "The Last-Event-ID header must be an event's sequence number.");
            }

            (field, value) = (LastEventIdHeader, lastEventId);
        }

        if (value is not { } seq)
        {
            return info.LastSeq;
        }

        new FieldErrors()
            .Check(field, seq < 0 || seq > info.LastSeq ? $"{field} must be an event sequence number between 0 and {info.LastSeq}, the conversation's last." : null)
            .ThrowIfAny();
        return seq;
    }
}
