namespace LlmMultiChat.Grains.Conversations;

/// <summary>
/// Who answers a human message nobody addressed (ARCHITECTURE §6). Addressed characters (@Name, a name in the
/// text, or characterIds) always answer first, in the order addressed.
/// </summary>
public enum TurnPolicy
{
    /// <summary>Characters whose keywords appear answer (in order of appearance); else each rolls its talkativeness; else one at random.</summary>
    Natural,

    /// <summary>Every character answers once, one after another in list order, each seeing the replies before it.</summary>
    List,

    /// <summary>One character at random among those who have not spoken since the last human message.</summary>
    Pooled,

    /// <summary>Every character answers at once (generated concurrently), each seeing the conversation up to the human message.</summary>
    All,

    /// <summary>Nobody answers unless addressed.</summary>
    Manual,
}
