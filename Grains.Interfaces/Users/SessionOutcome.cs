namespace LlmMultiChat.Grains.Users;

/// <summary>Why a login, refresh or password change did or did not open a session.</summary>
public enum SessionOutcome
{
    Opened,

    /// <summary>Wrong password, unknown account or malformed token: the caller is not told which.</summary>
    InvalidCredentials,

    /// <summary>Too many failed logins; the account is locked until <see cref="SessionResult.LockedUntil"/>.</summary>
    LockedOut,

    /// <summary>The password was right but an administrator deactivated the account.</summary>
    Inactive,

    /// <summary>An already rotated refresh token was presented; its whole session is now revoked.</summary>
    TokenReused,

    /// <summary>The refresh token's session expired, was logged out or was revoked.</summary>
    SessionClosed,
}
