using LlmMultiChat.ApiHost.Auth;
using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Conversations.Events;
using Microsoft.AspNetCore.Authorization;

namespace LlmMultiChat.ApiHost.Conversations;

/// <summary>
/// A human message sent with the conversation's events followed from just before it (the feed starts before the
/// send, after the conversation's last event), so nothing of its turn can be missed. The turn ends with the
/// <see cref="TurnCompleted"/> naming this message; events of a turn it interrupted may come first.
/// </summary>
public sealed class StartedTurn : IAsyncDisposable
{
    private StartedTurn(ChatMessage message, ConversationEventFeed events)
    {
        Message = message;
        Events = events;
    }

    /// <summary>The human message as stored.</summary>
    public ChatMessage Message { get; }

    public ConversationEventFeed Events { get; }

    /// <summary>
    /// Sends <paramref name="request"/> as the caller of <paramref name="http"/> into conversation
    /// <paramref name="conversationId"/>, once it is valid and the caller may participate (ApiException otherwise,
    /// before anything is stored), following the conversation's events from its last one.
    /// </summary>
    public static async Task<StartedTurn> SendAsync(string conversationId, SendMessageRequest request, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(http);
        request.Validate();
        var services = http.RequestServices;
        var conversation = services.GetRequiredService<IGrainFactory>().GetGrain<IChatSessionGrain>(conversationId);
        var info = await services.GetRequiredService<IAuthorizationService>()
            .RequireAsync(http.User, conversation, ConversationOperations.Participate).ConfigureAwait(false);
        var events = ConversationEventFeed.Follow(services, info.Id, info.LastSeq, http.RequestAborted);
        try
        {
            var message = await conversation.Send(http.User.UserId(), request.Content, request.CharacterIds).ConfigureAwait(false);
            return new StartedTurn(message, events);
        }
        catch
        {
            await events.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Whether <paramref name="event"/> ends this turn.</summary>
    public bool EndsWith(ConversationEvent @event) => @event is TurnCompleted done && done.HumanMessageId == Message.Id;

    /// <summary>Waits for the turn to end and gathers its replies from the events.</summary>
    /// <exception cref="ApiException">503 when the events end first (the node is shutting down).</exception>
    public async Task<SendMessageResponse> CompleteAsync(CancellationToken cancellationToken)
    {
        var replies = new Dictionary<string, ChatMessage>(StringComparer.Ordinal);
        while (await Events.NextAsync(quietLimit: null, cancellationToken).ConfigureAwait(false) is { } @event)
        {
            if (@event is MessageCompleted { Message.SpeakerKind: SpeakerKind.Character } completed)
            {
                replies[completed.Message.Id] = completed.Message;
            }
            else if (@event is TurnCompleted done && EndsWith(done))
            {
                return new SendMessageResponse(Message, [.. done.ReplyIds.Where(replies.ContainsKey).Select(id => replies[id])], done.Reason);
            }
        }

        throw new ApiException(ApiErrors.Unavailable, "The conversation's events ended before the turn was over; its replies will be in the messages.");
    }

    public ValueTask DisposeAsync() => Events.DisposeAsync();
}
