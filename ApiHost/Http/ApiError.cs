namespace LlmMultiChat.ApiHost.Http;

/// <summary>One kind of error the API returns: its E-code, HTTP status and the title every such problem carries.</summary>
public sealed record ApiError(string Code, int Status, string Title);
