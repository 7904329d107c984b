using LlmMultiChat.Grains.Users;

namespace LlmMultiChat.ApiHost.Accounts;

/// <param name="DailyTokenQuota">The account's own quota (-1 unlimited), or null when its roles' default applies.</param>
public sealed record UserResponse(
    string Id,
    string Username,
    string Email,
    IReadOnlyList<string> Roles,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastLoginAt,
    long? DailyTokenQuota)
{
    public static UserResponse From(UserProfile user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Id, user.Username, user.Email, user.Roles, user.IsActive, user.CreatedAt, user.LastLoginAt, user.DailyTokenQuotaOverride);
    }
}

/// <summary>A user in the administrators' list.</summary>
public sealed record UserListItem(string Id, string Username, string Email, IReadOnlyList<string> Roles, bool IsActive, DateTimeOffset CreatedAt)
{
    public static UserListItem From(UserSummary user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Id, user.Username, user.Email, user.Roles, user.IsActive, user.CreatedAt);
    }
}

public sealed record UserListResponse(IReadOnlyList<UserListItem> Users, int Total, int Offset, int Limit);

/// <param name="Limit">Tokens per UTC day; null when unlimited.</param>
/// <param name="Remaining">Null when unlimited.</param>
public sealed record QuotaResponse(long? Limit, long Used, long? Remaining, DateTimeOffset ResetsAt)
{
    public static QuotaResponse From(QuotaStatus quota)
    {
        ArgumentNullException.ThrowIfNull(quota);
        return new(quota.Limit, quota.Used, quota.Remaining, quota.ResetsAt);
    }
}

public sealed record MeResponse(UserResponse User, QuotaResponse Quota, DialogueStyleResponse Style);

/// <param name="ExpiresIn">Seconds until the access token expires.</param>
public sealed record TokenResponse(
    string AccessToken,
    string RefreshToken,
    string TokenType,
    int ExpiresIn,
    DateTimeOffset RefreshTokenExpiresAt,
    UserResponse User);

public sealed record ResetTokenResponse(string Token, DateTimeOffset ExpiresAt);
