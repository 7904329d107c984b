namespace LlmMultiChat.ApiHost.Auth;

internal static partial class SigningKeyLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated a new token signing key at {Path}; set Auth:SigningKey to share one key between nodes")]
    public static partial void Generated(ILogger logger, string path);
}
