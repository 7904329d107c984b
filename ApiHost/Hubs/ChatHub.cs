using System.Security.Claims;
using LlmMultiChat.ApiHost.Auth;
using LlmMultiChat.ApiHost.Conversations;
using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.ApiHost.RateLimiting;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Conversations.Events;
using LlmMultiChat.Grains.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace LlmMultiChat.ApiHost.Hubs;

/// <summary>
/// The chat hub at <see cref="Path"/> (docs/api.md): follow conversations (Join pushes <see cref="ChatHubClientMethods.Event"/>,
/// Stream is a hub stream), send, interrupt and show typing. Who may do what is the conversation's rule
/// (<see cref="ConversationOperations"/>); failures reach the client as "E-code: detail" (<see cref="HubErrorFilter"/>).
/// </summary>
[Authorize]
public sealed class ChatHub(IGrainFactory grains, IAuthorizationService authorization, ConversationEventPush events, CallerRateLimits limits) : Hub
{
    public const string Path = AuthenticationSetup.HubsPath + "/chat";

    private const string NoSuchConversation = "No such conversation.";

    private ClaimsPrincipal Caller => Context.User ?? throw new InvalidOperationException("The hub requires an authenticated caller.");

    /// <summary>
    /// Pushes the conversation's events after <paramref name="afterSeq"/> to this connection (the buffered ones,
    /// then live ones) until <see cref="Leave"/> or disconnect, and shows it the others' typing. Joining a
    /// conversation again replaces the earlier push.
    /// </summary>
    public async Task Join(string conversationId, long afterSeq)
    {
        RequireSequence(afterSeq);
        var conversation = await RequireAsync(conversationId, ConversationOperations.Read).ConfigureAwait(false);
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(conversation.Id)).ConfigureAwait(false);
        var connection = Context;
        await JoinedConversations.Of(connection)
            .StartAsync(conversation.Id, stop => events.PushAsync(connection, conversation.Id, afterSeq, stop))
            .ConfigureAwait(false);
    }

    /// <summary>Stops the conversation's events and typing notices for this connection (nothing happens when it had not joined).</summary>
    public async Task Leave(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(conversationId)).ConfigureAwait(false);
        if (JoinedConversations.Existing(Context) is { } joined)
        {
            await joined.StopAsync(conversationId).ConfigureAwait(false);
        }
    }

    /// <summary>The conversation's events after <paramref name="afterSeq"/> as a hub stream, until the client cancels it.</summary>
    public async Task<IAsyncEnumerable<ConversationEvent>> Stream(string conversationId, long afterSeq, CancellationToken cancellationToken)
    {
        RequireSequence(afterSeq);
        var conversation = await RequireAsync(conversationId, ConversationOperations.Read).ConfigureAwait(false);
        return events.Follow(conversation.Id, afterSeq, cancellationToken);
    }

    /// <summary>Sends a message (1 to 10,000 characters); the replies arrive as events.</summary>
    /// <param name="characterIds">Characters that must answer, in this order; null lets the conversation's policy choose.</param>
    /// <returns>The stored message's id (its message_complete event carries the same id).</returns>
    public async Task<string> Send(string conversationId, string content, IReadOnlyList<string>? characterIds)
    {
        var userId = Caller.UserId();
        using (var lease = limits.AttemptAcquire(RateLimitPolicies.SendMessage, CallerRateLimits.CallerKey(Caller, address: null)))
        {
            if (!lease.IsAcquired)
            {
                throw new ApiException(ApiErrors.RateLimited, (lease as WindowLease)?.RefusalDetail);
            }
        }

        var conversation = await RequireAsync(conversationId, ConversationOperations.Participate).ConfigureAwait(false);
        var quota = await grains.GetGrain<IUserGrain>(userId).Quota().ConfigureAwait(false);
        if (quota.IsExhausted)
        {
            throw new ApiException(ApiErrors.QuotaExhausted, TokenQuotaFilter.ExhaustedDetail(quota));
        }

        // A JSON null reaches here as null; the grain's own rule then answers "must not be empty".
        var message = await Conversation(conversation.Id).Send(userId, content ?? string.Empty, characterIds).ConfigureAwait(false);
        return message.Id;
    }

    /// <summary>Stops the reply in progress; its partial text is kept as interrupted.</summary>
    public async Task Interrupt(string conversationId)
    {
        var conversation = await RequireAsync(conversationId, ConversationOperations.Participate).ConfigureAwait(false);
        await Conversation(conversation.Id).Interrupt(Caller.UserId()).ConfigureAwait(false);
    }

    /// <summary>Tells the conversation's other joined connections that the caller is typing.</summary>
    public async Task Typing(string conversationId)
    {
        var conversation = await RequireAsync(conversationId, ConversationOperations.Participate).ConfigureAwait(false);
        var userId = Caller.UserId();
        var name = conversation.Humans.First(human => human.Id == userId).Name;
        await Clients.OthersInGroup(Group(conversation.Id))
            .SendAsync(ChatHubClientMethods.Typing, new TypingNotice(conversation.Id, userId, name))
            .ConfigureAwait(false);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (JoinedConversations.Existing(Context) is { } joined)
        {
            await joined.CloseAsync().ConfigureAwait(false);
        }

        await base.OnDisconnectedAsync(exception).ConfigureAwait(false);
    }

    private static string Group(string conversationId) => "conversation:" + conversationId;

    private static void RequireSequence(long afterSeq)
    {
        if (afterSeq < 0)
        {
            throw new ApiException(ApiErrors.BadParameter, "afterSeq must be 0 or more.");
        }
    }

    private IChatSessionGrain Conversation(string conversationId) => grains.GetGrain<IChatSessionGrain>(conversationId);

    /// <exception cref="ApiException">E4040 when the conversation is missing or hidden from the caller; E9001 when the operation is not allowed.</exception>
    private async Task<ConversationInfo> RequireAsync(string conversationId, OperationAuthorizationRequirement operation)
    {
        var conversation = string.IsNullOrWhiteSpace(conversationId) ? null : await Conversation(conversationId).Info().ConfigureAwait(false);
        return await authorization.RequireAsync(Caller, conversation, operation, NoSuchConversation).ConfigureAwait(false);
    }
}
