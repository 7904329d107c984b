namespace LlmMultiChat.FakeLlm;

/// <summary>Where a streamed reply's bytes go: through Kestrel, or straight onto the socket for replies that get cut.</summary>
internal abstract class ReplyOutput
{
    public abstract Task StartAsync(string contentType, CancellationToken cancellationToken);

    /// <summary>Writes and flushes one piece, so the client can read it before the next one is produced.</summary>
    public abstract Task WriteAsync(string text, CancellationToken cancellationToken);
}
