namespace LlmMultiChat.ApiHost.RateLimiting;

/// <summary>At most <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/> per caller; a limit of 0 turns the rule off.</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 60;

    public bool IsEnabled => PermitLimit > 0;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    public static RateLimitRule PerMinute(int permits) => new() { PermitLimit = permits };
}
