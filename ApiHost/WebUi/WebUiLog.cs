namespace LlmMultiChat.ApiHost.WebUi;

internal static partial class WebUiLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The web UI is not built ({Path} has no index.html): only the API is served. Build ApiHost with Node.js and npm on PATH")]
    public static partial void NotBuilt(ILogger logger, string path);
}
