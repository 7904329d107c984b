namespace LlmMultiChat.Grains.Users;

/// <summary>
/// Every account (a single grain, key <see cref="Key"/>): keeps usernames and emails unique, resolves a login to
/// a user id and lists accounts for administrators. User grains keep it current.
/// </summary>
public interface IUserDirectoryGrain : IGrainWithStringKey
{
    const string Key = "all";

    /// <summary>Reserves the username and email for a new account, atomically.</summary>
    Task<NameClaim> Claim(string userId, string username, string email);

    Task Upsert(UserSummary user);

    /// <summary>Frees the account's username and email.</summary>
    Task Remove(string userId);

    /// <summary>The id of the account with this username or email (case-insensitive), or null.</summary>
    [AlwaysInterleave]
    Task<string?> Resolve(string login);

    /// <summary>Accounts ordered by creation, <paramref name="limit"/> from <paramref name="offset"/>, with the total count.</summary>
    [AlwaysInterleave]
    Task<UserPage> List(int offset, int limit);
}
