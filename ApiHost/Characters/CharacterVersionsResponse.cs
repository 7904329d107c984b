namespace LlmMultiChat.ApiHost.Characters;

/// <summary>Every version of a character, oldest first; the last is current.</summary>
public sealed record CharacterVersionsResponse(IReadOnlyList<CharacterVersionResponse> Versions);
