namespace LlmMultiChat.Grains.Conversations;

/// <summary>How a message ended. A reply is stored when it starts (Streaming) and again when it ends.</summary>
public enum MessageStatus
{
    /// <summary>Being generated (after a restart, a reply still in this state is marked Failed).</summary>
    Streaming,

    Complete,

    /// <summary>Stopped by a new human message or an explicit interrupt; the partial text is kept.</summary>
    Interrupted,

    /// <summary>The model failed; the partial text, or the character's fallback line, is kept and an error event says why.</summary>
    Failed,
}
