using LlmMultiChat.Grains.Conversations.Events;

namespace LlmMultiChat.Grains.Conversations;

/// <summary>
/// The buffered events after a sequence number. <see cref="IsComplete"/> is false when some of them are no longer
/// buffered (too old, or the conversation was reactivated): the client must reload messages, then follow live events.
/// </summary>
public sealed record EventReplay(IReadOnlyList<ConversationEvent> Events, bool IsComplete, long LastSeq);
