using LlmMultiChat.Grains.Conversations;

namespace LlmMultiChat.ApiHost.Conversations;

/// <param name="CharacterIds">The characters taking part: ones the caller may read (public, their own, or any for an admin).</param>
/// <param name="Title">Defaults to the characters' names.</param>
/// <param name="Policy">Who answers an unaddressed message; defaults to natural.</param>
/// <param name="MaxAutoTurns">Autonomous follow-ups after the planned replies; defaults to 3.</param>
public sealed record CreateConversationRequest(string[] CharacterIds, string? Title = null, TurnPolicy? Policy = null, int? MaxAutoTurns = null);
