namespace LlmMultiChat.Grains.Users;

/// <summary>
/// One account (key: the user id): credentials, roles, sessions (refresh-token families), the daily token quota,
/// the conversations the user takes part in and the dialogue style every character uses with them. Expected failures (a wrong password, a reused refresh token)
/// are outcomes, not exceptions; programming errors and invalid input throw.
/// </summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <exception cref="InvalidOperationException">The account already exists.</exception>
    /// <exception cref="ArgumentException">The username, email or password breaks <see cref="AccountRules"/>.</exception>
    Task<UserProfile> Create(NewAccount account);

    /// <summary>The account, or null when it does not exist.</summary>
    [AlwaysInterleave]
    Task<UserProfile?> Profile();

    /// <summary>Checks the password and, when it matches an active, unlocked account, opens a session.</summary>
    Task<SessionResult> Login(string password);

    /// <summary>Rotates a session's refresh token. Presenting an already rotated token revokes the whole session.</summary>
    Task<SessionResult> Refresh(RefreshToken token);

    /// <summary>Revokes the session the token belongs to (whether or not it is still current).</summary>
    Task Logout(RefreshToken token);

    /// <summary>
    /// True while the account is active, <paramref name="securityStamp"/> is current and session
    /// <paramref name="sessionId"/> is open: what every request's access token is checked against.
    /// </summary>
    [AlwaysInterleave]
    Task<bool> IsSessionValid(string securityStamp, string sessionId);

    /// <summary>Changes the password, closes every session and opens a new one for the caller.</summary>
    Task<SessionResult> ChangePassword(string currentPassword, string newPassword);

    /// <summary>Issues a one-time password-reset token (returned only here); it replaces any earlier one.</summary>
    Task<IssuedToken> CreatePasswordResetToken();

    /// <summary>Sets a new password with a reset token, unlocks the account and closes every session.</summary>
    /// <returns>False when the token is wrong, used or expired (nothing changes).</returns>
    Task<bool> ResetPassword(string resetSecret, string newPassword);

    /// <summary>Changes roles, the active flag or the daily token quota; closes every session when roles or activity change.</summary>
    Task<UserProfile> Update(AccountUpdate update);

    /// <summary>Today's token use against the daily quota.</summary>
    [AlwaysInterleave]
    Task<QuotaStatus> Quota();

    /// <summary>Adds tokens a reply used to today's count (no-op for an unknown account).</summary>
    Task RecordTokenUsage(long tokens);

    /// <summary>Records that the user takes part in a conversation (no-op for an unknown account).</summary>
    Task JoinedConversation(string conversationId);

    /// <summary>Records that the user no longer takes part in a conversation.</summary>
    Task LeftConversation(string conversationId);

    /// <summary>The conversations the user owns or takes part in, newest first.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> Conversations();

    /// <summary>
    /// Moves the dialogue style by the feedback phrases in what the user said (e.g. 専門用語が多すぎる lowers the
    /// technical level). A message without one, or an unknown account, changes nothing.
    /// </summary>
    Task<DialogueStyleView> AdaptStyle(string message);

    /// <summary>The dialogue style (the defaults for an unknown account).</summary>
    [AlwaysInterleave]
    Task<DialogueStyleView> Style();

    /// <summary>
    /// Counts what the user talked about (the concepts of one message) and with whom (the characters in the room)
    /// into their interest profile. An unknown account changes nothing.
    /// </summary>
    Task NoteInterests(IReadOnlyList<string> concepts, IReadOnlyList<string> characterIds);

    /// <summary>The interest profile (empty for an unknown account).</summary>
    [AlwaysInterleave]
    Task<InterestProfile> Interests();

    /// <summary>
    /// What a reply to the user should know from the user's side: their style, their top interests, and up to
    /// <paramref name="sessions"/> mid-term summaries of their threads relevant to <paramref name="query"/> (a
    /// vector of the embedder named <paramref name="model"/>), within the retention period.
    /// </summary>
    [AlwaysInterleave]
    Task<UserRecollection> Recollect(float[] query, string model, int sessions);

    /// <summary>The user's mid-term summaries changed in storage (a flush, a deletion): the next recall reads them again.</summary>
    Task SessionsChanged();

    /// <summary>Forgets one mid-term summary for this user (the others who took part keep theirs); false when they had none with this id.</summary>
    Task<bool> ForgetSession(string summaryId);

    /// <summary>Deletes the account, its sessions and its directory entry; its username and email become free.</summary>
    Task Delete();
}
