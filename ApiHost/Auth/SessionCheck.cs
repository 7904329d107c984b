using System.Security.Claims;
using LlmMultiChat.Grains.Users;

namespace LlmMultiChat.ApiHost.Auth;

/// <summary>
/// Whether a validated access token's session is still open: not logged out, not revoked, and issued before no
/// password change, role change or deactivation since. One in-process grain call.
/// </summary>
public static class SessionCheck
{
    public static async Task<bool> IsOpenAsync(ClaimsPrincipal principal, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(grains);
        var userId = principal.FindFirst(AuthClaims.Subject)?.Value;
        var session = principal.FindFirst(AuthClaims.Session)?.Value;
        var stamp = principal.FindFirst(AuthClaims.SecurityStamp)?.Value;
        return userId is not null && session is not null && stamp is not null
            && await grains.GetGrain<IUserGrain>(userId).IsSessionValid(stamp, session).ConfigureAwait(false);
    }
}
