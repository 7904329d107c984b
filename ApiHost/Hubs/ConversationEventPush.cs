using LlmMultiChat.ApiHost.Auth;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Conversations.Events;
using Microsoft.AspNetCore.SignalR;
using Silo.Streams;

namespace LlmMultiChat.ApiHost.Hubs;

/// <summary>
/// A conversation's events for hub clients, from a sequence number on: the buffered ones, then live ones, each
/// once and in order (<see cref="ConversationEventReader"/>). <see cref="ChatHub.Stream"/> hands them out as a hub
/// stream; a joined connection gets them pushed by <see cref="PushAsync"/>.
/// </summary>
public sealed partial class ConversationEventPush(
    IGrainFactory grains,
    [FromKeyedServices(ConversationStreams.Provider)] IStreamProvider streams,
    TimeProvider time,
    IHubContext<ChatHub> hub,
    ILogger<ConversationEventPush> logger)
{
    public IAsyncEnumerable<ConversationEvent> Follow(string conversationId, long afterSeq, CancellationToken cancellationToken) =>
        ConversationEventReader.ReadAsync(grains, streams, conversationId, afterSeq, time, cancellationToken);

    /// <summary>
    /// Sends the events to the connection's <see cref="ChatHubClientMethods.Event"/> until cancelled. When following
    /// fails (storage unavailable, a stream error) the connection is closed: a client that reconnects and joins with
    /// the last sequence number it saw misses nothing, while one left open would silently stop receiving. It is closed
    /// too when the caller's session ends.
    /// </summary>
    public async Task PushAsync(HubCallerContext connection, string conversationId, long afterSeq, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var client = hub.Clients.Client(connection.ConnectionId);
        try
        {
            await foreach (var @event in Follow(conversationId, afterSeq, cancellationToken).ConfigureAwait(false))
            {
                // A listener makes no calls for HubSessionFilter to check, so its session is checked per event.
                if (connection.User is not { } user || !await SessionCheck.IsOpenAsync(user, grains).ConfigureAwait(false))
                {
                    connection.Abort();
                    return;
                }

                await client.SendAsync(ChatHubClientMethods.Event, @event, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Left, joined again, or disconnected.
        }
        catch (ConversationFollowerBehindException)
        {
            // A client that stopped reading: closing lets it resume by seq once it reads again.
            LogFellBehind(conversationId, connection.ConnectionId);
            connection.Abort();
        }
        catch (Exception ex)
        {
            LogFeedFailed(ex, conversationId, connection.ConnectionId);
            connection.Abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub connection {ConnectionId} fell too far behind conversation {ConversationId}; closing it so the client resumes")]
    private partial void LogFellBehind(string conversationId, string connectionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Following conversation {ConversationId} for hub connection {ConnectionId} failed; closing the connection so the client resumes")]
    private partial void LogFeedFailed(Exception exception, string conversationId, string connectionId);
}
