namespace LlmMultiChat.Grains.Conversations;

/// <summary>A conversation's settings and participants.</summary>
public sealed record ConversationInfo(
    string Id,
    string Title,
    TurnPolicy Policy,
    int MaxAutoTurns,
    IReadOnlyList<ConversationMember> Characters,
    IReadOnlyList<ConversationMember> Humans,
    string OwnerId,
    DateTimeOffset CreatedAt,
    long LastSeq,
    bool IsGenerating);
