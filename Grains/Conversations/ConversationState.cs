namespace LlmMultiChat.Grains.Conversations;

/// <summary>A conversation's stored settings. Messages live in the log; the event sequence is reserved in blocks.</summary>
public sealed class ConversationState
{
    public bool Exists { get; set; }

    public string Title { get; set; } = string.Empty;

    public TurnPolicy Policy { get; set; }

    public int MaxAutoTurns { get; set; }

    public List<ConversationMember> Characters { get; set; } = [];

    public List<ConversationMember> Humans { get; set; } = [];

    public string OwnerId { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Event sequence numbers below this may have been used. An activation reserves a block above it (one write per
    /// block, not per event), so numbers are never reused across restarts; unused ones in a block are skipped.
    /// </summary>
    public long SequenceReservedUntil { get; set; }

    /// <summary>The log index of the first message not yet summarised into the mid-term tier (the current thread starts here).</summary>
    public long ThreadStart { get; set; }

    /// <summary>A copy to change, so the stored state stays as it was until the change is written.</summary>
    public ConversationState Copy() => new()
    {
        Exists = Exists,
        Title = Title,
        Policy = Policy,
        MaxAutoTurns = MaxAutoTurns,
        Characters = [.. Characters],
        Humans = [.. Humans],
        OwnerId = OwnerId,
        CreatedAt = CreatedAt,
        SequenceReservedUntil = SequenceReservedUntil,
        ThreadStart = ThreadStart,
    };
}
