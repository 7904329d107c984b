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

    /// <summary>Adds and deletes knowledge-base documents, which every character's answers may draw on: admin and premium.</summary>
    public const string KnowledgeWriter = "knowledge-writer";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Writer, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Writers));
        options.AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        options.AddPolicy(KnowledgeWriter, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Premium));
    }
}
