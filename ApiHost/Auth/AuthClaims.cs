using System.Security.Claims;

namespace LlmMultiChat.ApiHost.Auth;

/// <summary>The claims an access token carries, and how endpoints read them.</summary>
public static class AuthClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>The session (refresh-token family) the token was issued for; closing it stops the token.</summary>
    public const string Session = "sid";

    /// <summary>The account's security stamp when the token was issued; a new stamp stops the token.</summary>
    public const string SecurityStamp = "sst";

    /// <summary>The caller's user id; endpoints that call this require authentication.</summary>
    public static string UserId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirstValue(Subject) ?? throw new InvalidOperationException("The caller is not authenticated.");
    }

    public static string UserName(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirstValue(Name) ?? principal.UserId();
    }
}
