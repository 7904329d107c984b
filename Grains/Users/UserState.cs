namespace LlmMultiChat.Grains.Users;

/// <summary>An account's stored state.</summary>
public sealed class UserState
{
    public bool Exists { get; set; }

    public string Username { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string PasswordHash { get; set; } = string.Empty;

    public List<string> Roles { get; set; } = [];

    public bool IsActive { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastLoginAt { get; set; }

    /// <summary>Changes when access tokens must stop working while their sessions stay open (a role change).</summary>
    public string SecurityStamp { get; set; } = string.Empty;

    public int FailedLogins { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public List<SessionRecord> Sessions { get; set; } = [];

    public string? ResetTokenHash { get; set; }

    public DateTimeOffset? ResetTokenExpiresAt { get; set; }

    /// <summary>A per-account daily token quota (negative: unlimited); null uses the roles' default.</summary>
    public long? DailyTokenQuotaOverride { get; set; }

    /// <summary>The UTC day <see cref="TokensUsed"/> counts.</summary>
    public DateOnly UsageDay { get; set; }

    public long TokensUsed { get; set; }

    /// <summary>Newest first.</summary>
    public List<string> ConversationIds { get; set; } = [];

    /// <summary>A copy to change, so the stored state stays as it was until the change is written.</summary>
    public UserState Copy()
    {
        var copy = (UserState)MemberwiseClone();
        copy.Roles = [.. Roles];
        copy.Sessions = [.. Sessions];
        copy.ConversationIds = [.. ConversationIds];
        return copy;
    }
}
