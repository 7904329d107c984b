using Silo.Streams;

namespace LlmMultiChat.Grains.Conversations;

/// <summary>Where a conversation publishes its events (on the default stream provider).</summary>
public static class ConversationStreams
{
    /// <summary>The stream provider conversations publish on (the silo's default provider).</summary>
    public const string Provider = "Default";

    public const string Namespace = "conversation";

    public static StreamId For(string conversationId) => StreamId.Create(Namespace, conversationId);
}
