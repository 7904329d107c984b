using LlmMultiChat.ApiHost.Auth;
using LlmMultiChat.Grains.Conversations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LlmMultiChat.ApiHost.Conversations;

/// <summary>The rules of <see cref="ConversationOperations"/>, decided against the conversation itself.</summary>
public sealed class ConversationAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, ConversationInfo>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, ConversationInfo resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(resource);
        var caller = context.User;
        var userId = caller.FindFirst(AuthClaims.Subject)?.Value;
        var participant = userId is not null && resource.Humans.Any(h => h.Id == userId);
        var allowed = requirement.Name switch
        {
            nameof(ConversationOperations.Read) => participant || caller.IsAdmin(),
            nameof(ConversationOperations.Participate) => participant && caller.IsWriter(),
            nameof(ConversationOperations.Manage) => caller.IsAdmin() || (userId == resource.OwnerId && caller.IsWriter()),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
