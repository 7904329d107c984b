namespace LlmMultiChat.ApiHost.Accounts;

public sealed record RegisterRequest(string Username, string Email, string Password);

/// <param name="Login">A username or an email address.</param>
public sealed record LoginRequest(string Login, string Password);

public sealed record RefreshRequest(string RefreshToken);

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

/// <param name="Token">The one-time token an administrator created.</param>
public sealed record ResetPasswordRequest(string Token, string NewPassword);

/// <summary>An administrator's change; a field left out (or null) stays as it is.</summary>
/// <param name="DailyTokenQuota">Tokens per UTC day for this account; -1 for unlimited.</param>
/// <param name="ClearQuotaOverride">True returns the account to its roles' default quota.</param>
public sealed record UpdateUserRequest(string[]? Roles = null, bool? IsActive = null, long? DailyTokenQuota = null, bool? ClearQuotaOverride = null);
