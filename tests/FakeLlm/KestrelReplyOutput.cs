namespace LlmMultiChat.FakeLlm;

/// <summary>The ordinary path: Kestrel's response, flushed after every piece.</summary>
internal sealed class KestrelReplyOutput(HttpResponse response) : ReplyOutput
{
    public override Task StartAsync(string contentType, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.Headers.CacheControl = "no-cache";
        return response.StartAsync(cancellationToken);
    }

    public override async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        if (text.Length == 0)
        {
            return;
        }

        await response.WriteAsync(text, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
