using LlmMultiChat.Grains.Conversations;

namespace LlmMultiChat.ApiHost.Conversations;

/// <summary>A change to a conversation's settings; a field left out (or null) stays as it is.</summary>
/// <param name="CharacterIds">Replaces the characters (ones the caller may read).</param>
public sealed record UpdateConversationRequest(string? Title = null, TurnPolicy? Policy = null, int? MaxAutoTurns = null, string[]? CharacterIds = null);
