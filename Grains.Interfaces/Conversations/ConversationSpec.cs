namespace LlmMultiChat.Grains.Conversations;

/// <summary>What a new conversation starts with.</summary>
public sealed record ConversationSpec(
    ConversationMember Owner,
    IReadOnlyList<string> CharacterIds,
    string? Title = null,
    TurnPolicy Policy = TurnPolicy.Natural,
    int MaxAutoTurns = ConversationSpec.DefaultMaxAutoTurns)
{
    public const int DefaultMaxAutoTurns = 3;

    /// <summary>The longest message a human may send, in characters.</summary>
    public const int MaxMessageLength = 10_000;
}
