using System.Text.Unicode;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace LlmMultiChat.ApiHost.Http;

/// <summary>
/// Checks a request body before anything binds it: its size (the endpoint's <see cref="BodySizeLimit"/> or the
/// global one), and for JSON that it is valid UTF-8 and well-formed. So binding failures that remain are about
/// shape (wrong types, unknown or missing fields), and each kind of bad body gets its own E-code.
/// </summary>
public sealed class RequestBodyGuard(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    private readonly RequestLimitsOptions _options = options.Value;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var hasBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? (request.ContentLength > 0);
        if (!hasBody || request.ContentLength == 0)
        {
            // Checked here, where the endpoint is known (the exception handler runs after it has been cleared).
            if (context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { IsOptional: false } accepts
                && accepts.ContentTypes.Contains("application/json", StringComparer.OrdinalIgnoreCase))
            {
                throw new ApiException(ApiErrors.SchemaMismatch, "A JSON body is required.");
            }

            await next(context).ConfigureAwait(false);
            return;
        }

        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodySizeLimit>()?.Bytes ?? _options.MaxBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        if (request.HasJsonContentType())
        {
            var body = await ReadAsync(request, limit, context.RequestAborted).ConfigureAwait(false);
            Validate(body);
            request.Body = new MemoryStream(body, writable: false);
        }

        await next(context).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private void Validate(byte[] body)
    {
        if (body.Length == 0)
        {
            return;
        }

        if (!Utf8.IsValid(body))
        {
            throw new ApiException(ApiErrors.InvalidUtf8, "JSON must be encoded as UTF-8.");
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = _options.MaxJsonDepth });
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            // The reader's message gives the line and byte position and nothing of the server.
            throw new ApiException(ApiErrors.MalformedJson, ex.Message);
        }
    }

    private static ApiException TooLarge(long limit) =>
        new(ApiErrors.BodyTooLarge, $"The body may be at most {limit} bytes.");
}
