namespace LlmMultiChat.Grains.Conversations.Events;

/// <summary>Why a turn (the replies to one human message, autonomous follow-ups included) ended.</summary>
public enum TurnEndReason
{
    /// <summary>Every reply of the turn finished.</summary>
    Done,

    /// <summary>A new human message or an interrupt stopped it.</summary>
    Interrupted,

    /// <summary>Autonomous follow-ups reached the conversation's MaxAutoTurns.</summary>
    MaxAutoTurns,

    /// <summary>Nobody was due to answer (manual policy, nobody addressed).</summary>
    NoResponder,
}
