namespace LlmMultiChat.Grains.Conversations;

/// <summary>Changes to a conversation's settings; null leaves a setting as it is.</summary>
public sealed record ConversationUpdate(
    string? Title = null,
    TurnPolicy? Policy = null,
    int? MaxAutoTurns = null,
    IReadOnlyList<string>? CharacterIds = null);
