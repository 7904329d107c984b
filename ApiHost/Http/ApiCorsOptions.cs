namespace LlmMultiChat.ApiHost.Http;

/// <summary>Browser origins other than this server's own that may call the API (configuration "Cors:AllowedOrigins").</summary>
public sealed class ApiCorsOptions
{
    public const string SectionName = "Cors";

    public const string PolicyName = "api";

    public string[] AllowedOrigins { get; set; } = [];
}
