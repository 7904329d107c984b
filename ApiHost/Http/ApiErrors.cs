namespace LlmMultiChat.ApiHost.Http;

/// <summary>
/// Every error the API returns. docs/api.md lists the same table (a test keeps the two equal); clients branch on
/// <see cref="ApiError.Code"/>, never on the human-readable title or detail.
/// </summary>
public static class ApiErrors
{
    public static readonly ApiError ValidationFailed = new("E4000", 400, "The request has invalid values.");
    public static readonly ApiError MalformedJson = new("E4001", 400, "The request body is not well-formed JSON.");
    public static readonly ApiError SchemaMismatch = new("E4002", 400, "The request body does not match the expected shape.");
    public static readonly ApiError InvalidUtf8 = new("E4003", 400, "The request body is not valid UTF-8.");
    public static readonly ApiError BadParameter = new("E4004", 400, "A route or query parameter is invalid.");
    public static readonly ApiError NotFound = new("E4040", 404, "Not found.");
    public static readonly ApiError MethodNotAllowed = new("E4050", 405, "The method is not allowed here.");
    public static readonly ApiError Conflict = new("E4090", 409, "The request conflicts with the current state.");
    public static readonly ApiError BodyTooLarge = new("E4130", 413, "The request body is too large.");
    public static readonly ApiError UnsupportedMediaType = new("E4150", 415, "The request body's content type is not supported here.");
    public static readonly ApiError RateLimited = new("E6001", 429, "Too many requests.");
    public static readonly ApiError QuotaExhausted = new("E6002", 429, "The daily token quota is used up.");
    public static readonly ApiError InvalidCredentials = new("E8001", 401, "Invalid login or password.");
    public static readonly ApiError Unauthenticated = new("E8002", 401, "A valid access token is required.");
    public static readonly ApiError InvalidRefreshToken = new("E8003", 401, "The refresh token is invalid, expired or revoked.");
    public static readonly ApiError RefreshTokenReused = new("E8004", 401, "The refresh token was already used; its session has been revoked.");
    public static readonly ApiError AccountInactive = new("E8005", 403, "The account is deactivated.");
    public static readonly ApiError InvalidResetToken = new("E8006", 400, "The password-reset token is invalid, used or expired.");
    public static readonly ApiError WrongCurrentPassword = new("E8007", 400, "The current password is incorrect.");
    public static readonly ApiError Forbidden = new("E9001", 403, "You may not do this.");
    public static readonly ApiError Internal = new("E5000", 500, "An unexpected error occurred.");
    public static readonly ApiError Unavailable = new("E5030", 503, "The service is temporarily unavailable.");
    public static readonly ApiError Timeout = new("E5040", 504, "The operation took too long.");

    public static IReadOnlyList<ApiError> All { get; } =
    [
        ValidationFailed, MalformedJson, SchemaMismatch, InvalidUtf8, BadParameter, NotFound, MethodNotAllowed, Conflict,
        BodyTooLarge, UnsupportedMediaType, RateLimited, QuotaExhausted, InvalidCredentials, Unauthenticated,
        InvalidRefreshToken, RefreshTokenReused, AccountInactive, InvalidResetToken, WrongCurrentPassword, Forbidden,
        Internal, Unavailable, Timeout,
    ];

    /// <summary>The error a bare status code stands for, when nothing more specific was said.</summary>
    public static ApiError ForStatus(int status) => status switch
    {
        400 => BadParameter,
        401 => Unauthenticated,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        413 => BodyTooLarge,
        415 => UnsupportedMediaType,
        429 => RateLimited,
        503 => Unavailable,
        504 => Timeout,
        _ => Internal,
    };
}
