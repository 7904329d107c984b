using System.Security.Claims;
using LlmMultiChat.ApiHost.Auth;
using LlmMultiChat.Grains.Conversations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LlmMultiChat.ApiHost.Conversations;

/// <summary>
/// Loads the conversation a request names and checks, through <see cref="ResourceAccess"/>, what the caller may do
/// to it: 404 when it is missing or not theirs to see, 403 when they may see it but not do this.
/// </summary>
public static class ConversationAccess
{
    public const string NotFoundDetail = "No such conversation.";

    /// <returns>The conversation as it is now.</returns>
    public static async Task<ConversationInfo> RequireAsync(
        this IAuthorizationService authorization,
        ClaimsPrincipal caller,
        IChatSessionGrain conversation,
        OperationAuthorizationRequirement operation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var info = await conversation.Info().ConfigureAwait(false);
        return await authorization.RequireAsync(caller, info, operation, NotFoundDetail).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks the caller's right to the route's <c>{id}</c> conversation before the filters added after this one
    /// (the token quota), so a guest or a stranger hears that they may not, not that their quota is spent. The
    /// endpoint still checks against the state it acts on.
    /// </summary>
    public static RouteHandlerBuilder RequireConversationAccess(this RouteHandlerBuilder builder, OperationAuthorizationRequirement operation) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var id = http.GetRouteValue("id") as string ?? throw new InvalidOperationException("The route has no {id} conversation.");
            var services = http.RequestServices;
            var conversation = services.GetRequiredService<IGrainFactory>().GetGrain<IChatSessionGrain>(id);
            await services.GetRequiredService<IAuthorizationService>().RequireAsync(http.User, conversation, operation).ConfigureAwait(false);
            return await next(context).ConfigureAwait(false);
        });
}
