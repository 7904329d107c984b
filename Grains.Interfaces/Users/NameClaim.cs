namespace LlmMultiChat.Grains.Users;

/// <summary>The outcome of reserving a username and email.</summary>
public enum NameClaim
{
    /// <summary>Reserved; other accounts exist.</summary>
    Claimed,

    /// <summary>Reserved, and this is the first account of the installation.</summary>
    ClaimedFirst,

    UsernameTaken,

    EmailTaken,
}
