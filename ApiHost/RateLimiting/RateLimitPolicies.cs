namespace LlmMultiChat.ApiHost.RateLimiting;

/// <summary>Names of the rate-limit policies endpoints attach with <c>RequireRateLimiting</c>.</summary>
public static class RateLimitPolicies
{
    public const string Register = "register";
    public const string Login = "login";
    public const string Refresh = "refresh";
    public const string ChangePassword = "change-password";
    public const string SendMessage = "send-message";
    public const string Stream = "stream";
    public const string MemorySearch = "memory-search";
}
