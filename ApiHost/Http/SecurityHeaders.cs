namespace LlmMultiChat.ApiHost.Http;

/// <summary>Headers that keep browsers from sniffing, framing or leaking what this server sends.</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>Scripts and styles from this origin only; Swagger UI's stylesheet sets inline styles.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return next(context);
    }
}
