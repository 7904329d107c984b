namespace LlmMultiChat.Grains.Conversations;

/// <summary>
/// A follower of a conversation's events (an SSE response, a hub connection) fell so far behind that the server
/// stopped queueing for it. Nothing is lost: the client resumes from the last sequence number it saw.
/// </summary>
public sealed class ConversationFollowerBehindException : Exception
{
    public ConversationFollowerBehindException()
    {
    }

    public ConversationFollowerBehindException(string message)
        : base(message)
    {
    }

    public ConversationFollowerBehindException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static ConversationFollowerBehindException For(string conversationId, int queued) =>
        new($"The follower of conversation {conversationId} fell {queued} events behind; resume from the last sequence number received.");
}
