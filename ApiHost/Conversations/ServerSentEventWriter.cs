using System.Globalization;
using System.Text;
using System.Text.Json;
using LlmMultiChat.Grains.Conversations.Events;
using Microsoft.AspNetCore.Http.Features;

namespace LlmMultiChat.ApiHost.Conversations;

/// <summary>
/// Writes conversation events as server-sent events (ARCHITECTURE §7): <c>id: {seq}</c>, <c>event: {type}</c> and
/// <c>data: {json}</c> (the polymorphic event in the API's JSON, so <c>type</c> is in the data too), flushed one by
/// one with buffering off, so neither this server nor a proxy holds an event back.
/// </summary>
public sealed class ServerSentEventWriter(HttpResponse response, JsonSerializerOptions json)
{
    public const string ContentType = "text/event-stream";

    /// <summary>Sends the headers at once, so the client knows the stream is open before the first event.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";
        // nginx buffers proxied responses unless told not to.
        response.Headers["X-Accel-Buffering"] = "no";
        response.HttpContext.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
        return response.Body.FlushAsync(cancellationToken);
    }

    public Task WriteEventAsync(ConversationEvent @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var text = new StringBuilder();
        // A resync is not one of the conversation's events (its seq is the last one issued, and the replayed events
        // after it are older), so it carries no id: a client that reconnects right after it resumes where it was.
        if (@event is not ResyncRequired)
        {
            text.Append("id: ").Append(@event.Seq.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        // The serializer writes one line (newlines inside strings are escaped), so one data line carries it.
        text.Append("event: ").Append(@event.Type).Append('\n')
            .Append("data: ").Append(JsonSerializer.Serialize(@event, json)).Append("\n\n");
        return WriteAsync(text.ToString(), cancellationToken);
    }

    /// <summary>A comment line, which clients ignore; it keeps idle connections from being closed.</summary>
    public Task WriteKeepAliveAsync(CancellationToken cancellationToken) => WriteAsync(": keep-alive\n\n", cancellationToken);

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
