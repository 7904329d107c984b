namespace LlmMultiChat.Grains.Conversations;

/// <summary>Numbers that shape conversations (configuration section "Conversations").</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversations";

    /// <summary>Recent messages kept in the activation and offered to the prompt (the short-term tier: 12 turns).</summary>
    public int HistoryWindow { get; set; } = 24;

    /// <summary>Newest messages kept in the activation to answer message pages without reading the log.</summary>
    public int RecentMessages { get; set; } = 100;

    /// <summary>Events kept for resuming streams; older ones need a message reload.</summary>
    public int EventBufferSize { get; set; } = 4096;

    /// <summary>Event sequence numbers reserved per state write.</summary>
    public int SequenceBlock { get; set; } = 10_000;

    /// <summary>Longest conversation title, in characters.</summary>
    public int MaxTitleLength { get; set; } = 200;

    /// <summary>Most autonomous follow-ups a conversation may be configured with.</summary>
    public int MaxAutoTurnsLimit { get; set; } = 20;

    /// <summary>Most characters and humans per conversation.</summary>
    public int MaxParticipants { get; set; } = 32;

    public void Validate()
    {
        if (HistoryWindow < 1 || RecentMessages < 1 || EventBufferSize < 1 || SequenceBlock < 1 || MaxTitleLength < 1 || MaxAutoTurnsLimit < 0 || MaxParticipants < 2)
        {
            throw new InvalidOperationException("Conversations options must be positive (MaxParticipants at least 2).");
        }
    }
}
