using LlmMultiChat.Grains.Conversations.Events;

namespace LlmMultiChat.Grains.Conversations;

/// <summary>
/// One conversation (key: the conversation id): its participants, turn policy, message log and generation loop.
/// Replies stream out as <see cref="ConversationEvent"/>s on <see cref="ConversationStreams.For"/>, each with a
/// per-conversation sequence number, and keep generating when nobody is listening.
/// </summary>
public interface IChatSessionGrain : IGrainWithStringKey
{
    /// <exception cref="InvalidOperationException">The conversation already exists.</exception>
    /// <exception cref="ArgumentException">No character, an unknown character, a bad title or MaxAutoTurns.</exception>
    Task<ConversationInfo> Create(ConversationSpec spec);

    /// <summary>The conversation, or null when it does not exist.</summary>
    [AlwaysInterleave]
    Task<ConversationInfo?> Info();

    Task<ConversationInfo> Update(ConversationUpdate update);

    Task<ConversationInfo> AddHuman(ConversationMember human);

    Task<ConversationInfo> RemoveHuman(string userId);

    /// <summary>
    /// Stores the human message durably, interrupts a reply in progress, and starts this turn's replies in the
    /// background; returns the stored message at once.
    /// </summary>
    /// <param name="characterIds">Characters that must answer, in this order (overrides addressing and the policy).</param>
    /// <exception cref="ArgumentException">Empty or over-long content, or a character that is not in the conversation.</exception>
    /// <exception cref="UnauthorizedAccessException">The user is not a participant.</exception>
    Task<ChatMessage> Send(string userId, string content, IReadOnlyList<string>? characterIds = null);

    /// <summary>Stops the reply in progress (its partial text is kept as Interrupted) and drops pending autonomous turns.</summary>
    [AlwaysInterleave]
    Task Interrupt(string userId);

    /// <summary>Messages before <paramref name="beforeIndex"/> (newest first when paging back), oldest first in the result.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<ChatMessage>> Messages(long? beforeIndex, int limit);

    /// <summary>Buffered events after <paramref name="afterSeq"/>, for resuming a stream.</summary>
    [AlwaysInterleave]
    Task<EventReplay> EventsAfter(long afterSeq);

    /// <summary>
    /// Records <paramref name="userId"/>'s rating of a character's reply, replacing their earlier one. Only a user's
    /// first rating of a reply counts toward the character's growth (a level reached is a level_up event).
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The user is not a participant.</exception>
    /// <exception cref="KeyNotFoundException">The message is not in this conversation.</exception>
    /// <exception cref="ArgumentException">The message is not a character's reply, or the rating is unknown.</exception>
    Task RateMessage(string userId, string messageId, FeedbackRating rating);

    /// <summary>Deletes the conversation, its messages and their feedback.</summary>
    Task Delete(string userId);

    /// <summary>
    /// Erases a human who is not the owner (their account is being erased): they leave, what they said and the
    /// replies of the turns they started are redacted (<see cref="IConversationLog.EraseHumanAsync"/>), their ratings here
    /// are deleted, and the events kept for resuming are dropped (a resuming client gets a resync). Also for a
    /// conversation they already left. Returns how many messages were redacted; 0 when the conversation does not exist.
    /// </summary>
    /// <exception cref="InvalidOperationException">The user owns the conversation (delete it instead).</exception>
    Task<int> EraseHuman(string userId);
}
