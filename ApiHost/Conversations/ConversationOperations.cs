using LlmMultiChat.ApiHost.Auth;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LlmMultiChat.ApiHost.Conversations;

/// <summary>What a caller can do to a conversation.</summary>
public static class ConversationOperations
{
    /// <summary>See it, its messages and its events: participants (guests too) and admins.</summary>
    public static OperationAuthorizationRequirement Read => ResourceAccess.Read;

    /// <summary>Send messages, interrupt, type, give feedback: participants who are not guests.</summary>
    public static readonly OperationAuthorizationRequirement Participate = new() { Name = nameof(Participate) };

    /// <summary>Rename, change policy or characters, invite or remove humans, delete: the owner and admins.</summary>
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };
}
