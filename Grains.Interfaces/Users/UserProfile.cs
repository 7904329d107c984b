namespace LlmMultiChat.Grains.Users;

/// <summary>An account as its owner and administrators see it (never the password hash or session secrets).</summary>
public sealed record UserProfile(
    string Id,
    string Username,
    string Email,
    IReadOnlyList<string> Roles,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastLoginAt,
    long? DailyTokenQuotaOverride)
{
    public UserSummary ToSummary() => new(Id, Username, Email, Roles, IsActive, CreatedAt);
}
