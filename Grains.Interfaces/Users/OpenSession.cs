namespace LlmMultiChat.Grains.Users;

/// <summary>
/// An open session: the account, the session id and security stamp an access token carries (so a revoked
/// session or a changed password stops its tokens at once), and the current refresh token.
/// </summary>
public sealed record OpenSession(UserProfile User, string SessionId, string SecurityStamp, IssuedToken RefreshToken);
