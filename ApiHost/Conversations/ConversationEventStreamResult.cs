using System.Reflection;
using LlmMultiChat.Grains.Conversations.Events;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace LlmMultiChat.ApiHost.Conversations;

/// <summary>
/// The SSE routes' response: the feed's events as server-sent events, a keep-alive comment after every
/// <see cref="ServerSentEventOptions.KeepAlive"/> of silence on the host's clock, until <c>isLast</c> accepts an
/// event (after writing it), the feed ends, or the client goes away. Leaving stops only the following: replies
/// keep generating in their conversation.
/// </summary>
/// <param name="isLast">Ends the response after the event it accepts; null follows until the client leaves.</param>
public sealed class ConversationEventStreamResult(ConversationEventFeed feed, Func<ConversationEvent, bool>? isLast) : IResult, IEndpointMetadataProvider
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        await using (feed.ConfigureAwait(false))
        {
            var cancellation = httpContext.RequestAborted;
            var keepAlive = httpContext.GetEndpoint()?.Metadata.GetMetadata<ServerSentEventOptions>()?.KeepAlive
                ?? throw new InvalidOperationException($"The endpoint lacks its {nameof(ServerSentEventOptions)} metadata.");
            var json = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var writer = new ServerSentEventWriter(httpContext.Response, json);
            try
            {
                await writer.StartAsync(cancellation).ConfigureAwait(false);
                while (true)
                {
                    var next = await feed.NextAsync(keepAlive, cancellation).ConfigureAwait(false);
                    if (next is null)
                    {
                        if (feed.HasEnded)
                        {
                            return;
                        }

                        await writer.WriteKeepAliveAsync(cancellation).ConfigureAwait(false);
                        continue;
                    }

                    await writer.WriteEventAsync(next, cancellation).ConfigureAwait(false);
                    if (isLast?.Invoke(next) == true)
                    {
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                // The client went away; there is nobody left to write to.
            }
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(ConversationEvent), [ServerSentEventWriter.ContentType]));
    }
}
