using System.Security.Claims;
using LlmMultiChat.ApiHost.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LlmMultiChat.ApiHost.Auth;

/// <summary>
/// The one check every resource endpoint makes: a resource the caller may not even read is reported as missing
/// (so ids cannot be probed), one they may read but not change this way is forbidden.
/// </summary>
public static class ResourceAccess
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <exception cref="ApiException">404 when the resource is null or unreadable; 403 when <paramref name="operation"/> is not allowed.</exception>
    public static async Task<T> RequireAsync<T>(
        this IAuthorizationService authorization,
        ClaimsPrincipal caller,
        T? resource,
        OperationAuthorizationRequirement operation,
        string notFound)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(authorization);
        ArgumentNullException.ThrowIfNull(operation);
        if (resource is null || !(await authorization.AuthorizeAsync(caller, resource, Read).ConfigureAwait(false)).Succeeded)
        {
            throw new ApiException(ApiErrors.NotFound, notFound);
        }

        if (!ReferenceEquals(operation, Read) && !(await authorization.AuthorizeAsync(caller, resource, operation).ConfigureAwait(false)).Succeeded)
        {
            throw new ApiException(ApiErrors.Forbidden);
        }

        return resource;
    }

    public static bool IsAdmin(this ClaimsPrincipal caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsInRole(Grains.Users.Roles.Admin);
    }

    /// <summary>Any role that may create and change things (every role but guest).</summary>
    public static bool IsWriter(this ClaimsPrincipal caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Grains.Users.Roles.Writers.Any(caller.IsInRole);
    }
}
