namespace LlmMultiChat.ApiHost.Hubs;

/// <summary>The methods <see cref="ChatHub"/> calls on its clients.</summary>
public static class ChatHubClientMethods
{
    /// <summary>One <see cref="Grains.Conversations.Events.ConversationEvent"/> of a joined conversation.</summary>
    public const string Event = "event";

    /// <summary>A <see cref="TypingNotice"/>: another participant is typing.</summary>
    public const string Typing = "typing";
}
