namespace LlmMultiChat.Grains.Users;

/// <summary>
/// One session (a refresh-token family): the generation of its current token and that token's hash. A token of
/// an earlier generation is a rotated one; presenting it means it leaked, so the session is revoked.
/// </summary>
public sealed record SessionRecord(
    string Id,
    long Generation,
    string TokenHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt = null)
{
    public bool IsOpen(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}
