namespace LlmMultiChat.ApiHost.Http;

/// <summary>Request size limits (configuration section "Api").</summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "Api";

    /// <summary>The largest request body, in bytes, unless an endpoint declares its own <see cref="BodySizeLimit"/>.</summary>
    public long MaxBodyBytes { get; set; } = 1 << 20;

    /// <summary>Deepest JSON nesting accepted.</summary>
    public int MaxJsonDepth { get; set; } = 32;
}
