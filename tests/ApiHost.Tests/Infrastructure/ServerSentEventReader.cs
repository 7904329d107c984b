using System.Text;
using Silo.Testing;

namespace LlmMultiChat.ApiHost.Tests.Infrastructure;

/// <summary>
/// A small text/event-stream parser (the WHATWG rules the tests rely on): <c>field: value</c> lines, several
/// <c>data</c> lines joined by newlines, lines starting with ':' are comments, a blank line ends a block.
/// </summary>
internal sealed class ServerSentEventReader(Stream body) : IDisposable
{
    private readonly StreamReader _reader = new(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));

    /// <summary>The next event or comment; null when the server ended the stream.</summary>
    public async Task<ServerSentEvent?> ReadAsync(CancellationToken cancellationToken = default)
    {
        string? id = null;
        string? type = null;
        string? comment = null;
        var data = new List<string>();
        var any = false;
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (any)
                {
                    return new ServerSentEvent(id, type, string.Join('\n', data), data.Count == 0 && type is null && id is null ? comment : null);
                }

                continue;
            }

            any = true;
            if (line[0] == ':')
            {
                comment = line[1..].TrimStart();
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..];
            value = value.StartsWith(' ') ? value[1..] : value;
            switch (field)
            {
                case "id":
                    id = value;
                    break;
                case "event":
                    type = value;
                    break;
                case "data":
                    data.Add(value);
                    break;
            }
        }

        return null;
    }

    /// <summary>Events (comments skipped) up to and including the first that <paramref name="last"/> accepts; fails if the stream ends first.</summary>
    public async Task<List<ServerSentEvent>> ReadEventsUntilAsync(Func<ServerSentEvent, bool> last, string awaited)
    {
        var events = new List<ServerSentEvent>();
        while (true)
        {
            var next = await ReadAsync().WaitOrFail(awaited) ?? throw new InvalidOperationException($"The stream ended before {awaited}; got {string.Join(", ", events.Select(e => e.Type))}.");
            if (next.IsComment)
            {
                continue;
            }

            events.Add(next);
            if (last(next))
            {
                return events;
            }
        }
    }

    /// <summary>Everything up to the end of the stream.</summary>
    public async Task<List<ServerSentEvent>> ReadToEndAsync(string awaited)
    {
        var items = new List<ServerSentEvent>();
        while (await ReadAsync().WaitOrFail(awaited) is { } next)
        {
            items.Add(next);
        }

        return items;
    }

    public void Dispose() => _reader.Dispose();
}
