namespace LlmMultiChat.ApiHost.Http;

/// <summary>
/// Ends a request with one of <see cref="ApiErrors"/>. <paramref name="detail"/> is shown to the client, so it
/// must say what went wrong in terms of the request and never carry secrets or internals.
/// </summary>
public sealed class ApiException(ApiError error, string? detail = null, IDictionary<string, string[]>? errors = null)
    : Exception(detail ?? error.Title)
{
    public ApiError Error { get; } = error;

    public string? Detail { get; } = detail;

    /// <summary>Field name → problems, for <see cref="ApiErrors.ValidationFailed"/>.</summary>
    public IDictionary<string, string[]>? Errors { get; } = errors;

    public static ApiException Validation(string field, string problem) =>
        new(ApiErrors.ValidationFailed, problem, new Dictionary<string, string[]> { [field] = [problem] });
}
