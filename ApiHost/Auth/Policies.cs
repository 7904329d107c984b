using LlmMultiChat.Grains.Users;
using Microsoft.AspNetCore.Authorization;

namespace LlmMultiChat.ApiHost.Auth;

/// <summary>
/// Role policies. The /api/v1 group requires an authenticated caller (endpoints opt out with AllowAnonymous); these
/// add what the role must allow. What a caller may do to a particular conversation or character
/// is decided by the resource handlers of those features.
/// </summary>
public static class Policies
{
    /// <summary>Creates or changes things: every role but guest.</summary>
    public const string Writer = "writer";

    public const string Admin = "admin";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Writer, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Writers));
        options.AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin));
    }
}
