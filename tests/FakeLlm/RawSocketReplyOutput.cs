using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace LlmMultiChat.FakeLlm;

/// <summary>
/// Writes an HTTP/1.1 chunked response straight onto the connection's socket, bypassing Kestrel. Used for replies
/// that get cut: once a send completes its bytes are in the kernel's queue, ahead of the FIN that
/// <see cref="CutAsync"/> sends, so the client reliably reads exactly the tokens sent before the cut. (Through
/// Kestrel, bytes can still sit in its output pipe when the socket is shut, and the cut point becomes a race.)
/// </summary>
internal sealed class RawSocketReplyOutput(Socket socket, TimeProvider time) : ReplyOutput
{
    public override Task StartAsync(string contentType, CancellationToken cancellationToken)
    {
        var date = time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        return SendAsync(
            $"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nDate: {date}\r\nServer: Kestrel\r\nCache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n\r\n",
            cancellationToken);
    }

    public override Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        if (text.Length == 0)
        {
            return Task.CompletedTask;
        }

        var length = Encoding.UTF8.GetByteCount(text);
        return SendAsync($"{length.ToString("X", CultureInfo.InvariantCulture)}\r\n{text}\r\n", cancellationToken);
    }

    /// <summary>Ends the connection without ending the response (no final chunk): FIN after everything sent so far.</summary>
    public void Cut() => socket.Shutdown(SocketShutdown.Send);

    private async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var sent = 0;
        while (sent < bytes.Length)
        {
            sent += await socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
    }
}
