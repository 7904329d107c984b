using LlmMultiChat.ApiHost.Auth;
using LlmMultiChat.ApiHost.Http;
using Microsoft.AspNetCore.SignalR;

namespace LlmMultiChat.ApiHost.Hubs;

/// <summary>
/// A hub connection is authenticated once, when it opens; this filter re-checks the token's session on every hub
/// method call, as REST does on every request. Once the session has ended (logout, revoked refresh token, password
/// or role change, deactivation) every call is refused with E8002, so a client must sign in again instead of acting
/// on a token that no longer counts. The connection is left open for the client to read that answer (closing it here
/// could drop the answer); it can do nothing more, pushes to it stop (<see cref="ConversationEventPush"/>), and it
/// closes when the token expires.
/// </summary>
public sealed class HubSessionFilter(IGrainFactory grains) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (invocationContext.Context.User is not { } user || !await SessionCheck.IsOpenAsync(user, grains).ConfigureAwait(false))
        {
            throw new HubException($"{ApiErrors.Unauthenticated.Code}: The session has ended; sign in again.");
        }

        return await next(invocationContext).ConfigureAwait(false);
    }
}
