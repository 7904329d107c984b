namespace LlmMultiChat.Grains.Users;

/// <summary>Accounts and tokens (configuration section "Auth"; the key names are part of the product's contract).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The HS256 signing key (at least 32 bytes of UTF-8); when empty, one is generated and stored on first run.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Where a generated signing key is kept (owner-only permissions).</summary>
    public string SigningKeyPath { get; set; } = "./data/auth-signing.key";

    public string Issuer { get; set; } = "llmmultichat";

    public string Audience { get; set; } = "llmmultichat-api";

    public int AccessTokenMinutes { get; set; } = 15;

    public int RefreshTokenDays { get; set; } = 30;

    /// <summary>The first account created becomes admin (as Open WebUI does).</summary>
    public bool FirstUserIsAdmin { get; set; } = true;

    /// <summary>Failed logins in a row that lock an account.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>How long an administrator's one-time password-reset token works.</summary>
    public int PasswordResetMinutes { get; set; } = 60;

    /// <summary>PBKDF2 iterations of new password hashes (ASP.NET Core Identity's default); older hashes are upgraded at login.</summary>
    public int PasswordHashIterations { get; set; } = 100_000;

    /// <summary>Open sessions (devices) per account; opening one more closes the oldest.</summary>
    public int MaxSessionsPerUser { get; set; } = 20;

    public void Validate()
    {
        if (AccessTokenMinutes < 1 || RefreshTokenDays < 1 || MaxFailedLogins < 1 || LockoutMinutes < 1
            || PasswordResetMinutes < 1 || MaxSessionsPerUser < 1 || PasswordHashIterations < 1)
        {
            throw new InvalidOperationException("Auth lifetimes, MaxFailedLogins, LockoutMinutes, PasswordResetMinutes, MaxSessionsPerUser and PasswordHashIterations must be positive.");
        }

        if (string.IsNullOrWhiteSpace(Issuer) || string.IsNullOrWhiteSpace(Audience))
        {
            throw new InvalidOperationException("Auth:Issuer and Auth:Audience must not be empty.");
        }
    }
}
