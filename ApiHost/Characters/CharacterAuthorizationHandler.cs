using LlmMultiChat.ApiHost.Auth;
using LlmMultiChat.Grains.Characters;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LlmMultiChat.ApiHost.Characters;

/// <summary>The rules of <see cref="CharacterOperations"/>, decided against the character itself.</summary>
public sealed class CharacterAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, CharacterProfile>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, CharacterProfile resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(resource);
        var caller = context.User;
        var owner = caller.FindFirst(AuthClaims.Subject)?.Value == resource.OwnerId;
        var allowed = requirement.Name switch
        {
            nameof(CharacterOperations.Read) => resource.Visibility == CharacterVisibility.Public || owner || caller.IsAdmin(),
            nameof(CharacterOperations.Edit) => caller.IsAdmin() || (owner && caller.IsWriter()),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
