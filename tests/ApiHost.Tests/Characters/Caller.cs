namespace LlmMultiChat.ApiHost.Tests.Characters;

/// <summary>Who calls a route in the authorization matrix.</summary>
public enum Caller
{
    Anonymous,
    Guest,

    /// <summary>A user who owns the character the call is about.</summary>
    Owner,

    /// <summary>A user who does not.</summary>
    OtherUser,
    Operator,
    Admin,
}
