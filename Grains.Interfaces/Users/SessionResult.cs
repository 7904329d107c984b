namespace LlmMultiChat.Grains.Users;

/// <summary>
/// The outcome of opening or renewing a session. When <see cref="Outcome"/> is <see cref="SessionOutcome.Opened"/>,
/// <see cref="Session"/> holds what an access token is made from and the new refresh token.
/// </summary>
public sealed record SessionResult(SessionOutcome Outcome, OpenSession? Session = null, DateTimeOffset? LockedUntil = null)
{
    public static SessionResult Failed(SessionOutcome outcome) => new(outcome);
}
