using LlmMultiChat.ApiHost.Auth;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LlmMultiChat.ApiHost.Characters;

/// <summary>What a caller can do to a character (creating one needs the writer policy, not a character).</summary>
public static class CharacterOperations
{
    /// <summary>See it, its versions, avatar and card: public characters for everyone signed in; private ones for the owner and admins.</summary>
    public static OperationAuthorizationRequirement Read => ResourceAccess.Read;

    /// <summary>Edit, change visibility or avatar, delete: the owner (not a guest) and admins. Built-in characters belong to "system", so only admins.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
}
