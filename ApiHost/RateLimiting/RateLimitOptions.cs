namespace LlmMultiChat.ApiHost.RateLimiting;

/// <summary>
/// Request rate limits per caller (user id, or IP address when anonymous), configuration section "RateLimits".
/// Defaults are ARCHITECTURE §6's; <see cref="Default"/> caps each caller across all API routes.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    public RateLimitRule Register { get; set; } = RateLimitRule.PerMinute(5);

    public RateLimitRule Login { get; set; } = RateLimitRule.PerMinute(10);

    public RateLimitRule Refresh { get; set; } = RateLimitRule.PerMinute(20);

    public RateLimitRule ChangePassword { get; set; } = RateLimitRule.PerMinute(5);

    public RateLimitRule SendMessage { get; set; } = RateLimitRule.PerMinute(30);

    public RateLimitRule Stream { get; set; } = RateLimitRule.PerMinute(20);

    public RateLimitRule MemorySearch { get; set; } = RateLimitRule.PerMinute(60);

    /// <summary>Every API request counts here too: a ceiling on one caller's share of the server.</summary>
    public RateLimitRule Default { get; set; } = RateLimitRule.PerMinute(1200);

    /// <summary>The named rules endpoints can ask for (policy name → rule).</summary>
    public IReadOnlyDictionary<string, RateLimitRule> Named() => new Dictionary<string, RateLimitRule>(StringComparer.Ordinal)
    {
        [RateLimitPolicies.Register] = Register,
        [RateLimitPolicies.Login] = Login,
        [RateLimitPolicies.Refresh] = Refresh,
        [RateLimitPolicies.ChangePassword] = ChangePassword,
        [RateLimitPolicies.SendMessage] = SendMessage,
        [RateLimitPolicies.Stream] = Stream,
        [RateLimitPolicies.MemorySearch] = MemorySearch,
    };

    public void Validate()
    {
        foreach (var (name, rule) in Named().Append(new(nameof(Default), Default)))
        {
            if (rule is null || rule.PermitLimit < 0 || rule.WindowSeconds < 1)
            {
                throw new InvalidOperationException($"RateLimits:{name} needs PermitLimit ≥ 0 (0 turns it off) and WindowSeconds ≥ 1.");
            }
        }
    }
}
