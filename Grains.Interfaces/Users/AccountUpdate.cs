namespace LlmMultiChat.Grains.Users;

/// <summary>An administrator's change to an account; null leaves a setting as it is.</summary>
/// <param name="DailyTokenQuota">A per-account quota; <see cref="ClearQuotaOverride"/> returns to the role default.</param>
public sealed record AccountUpdate(
    IReadOnlyList<string>? Roles = null,
    bool? IsActive = null,
    long? DailyTokenQuota = null,
    bool ClearQuotaOverride = false);
