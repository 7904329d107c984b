namespace LlmMultiChat.Grains.Llm;

/// <summary>The exceptions clients throw, worded the same way for every protocol.</summary>
internal static class LlmFailures
{
    private const int MaxDetailLength = 300;

    public static LlmException Unreachable(string provider, Uri endpoint, Exception cause) =>
        new(LlmErrorCodes.Unavailable, $"LLM provider '{provider}' could not be reached at {endpoint}: {cause.Message}", cause);

    public static LlmHttpException Status(string provider, string model, int statusCode, string? detail, Exception? cause = null) =>
        new(statusCode, $"LLM provider '{provider}' answered HTTP {statusCode} for model '{model}'{Detail(detail)}", cause);

    public static LlmException Cut(string provider, string model, bool afterFirstToken, string what, Exception? cause = null) =>
        new(LlmErrorCodes.StreamCut, $"The stream from LLM provider '{provider}' (model '{model}') was cut: {what}", cause) { AfterFirstToken = afterFirstToken };

    public static LlmException Malformed(string provider, string model, bool afterFirstToken, string what, Exception? cause = null) =>
        new(LlmErrorCodes.Protocol, $"LLM provider '{provider}' (model '{model}') sent something that is not its protocol: {what}", cause) { AfterFirstToken = afterFirstToken };

    public static LlmException Reported(string provider, string model, bool afterFirstToken, string error) =>
        new(LlmErrorCodes.Unavailable, $"LLM provider '{provider}' (model '{model}') reported an error{Detail(error)}") { AfterFirstToken = afterFirstToken };

    public static string Truncate(string text) =>
        text.Length <= MaxDetailLength ? text : string.Concat(text.AsSpan(0, MaxDetailLength), "…");

    private static string Detail(string? detail) =>
        string.IsNullOrWhiteSpace(detail) ? "." : $": {Truncate(detail.Trim())}";
}
