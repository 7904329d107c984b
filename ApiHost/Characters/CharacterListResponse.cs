namespace LlmMultiChat.ApiHost.Characters;

/// <summary>The characters the caller may see, by name.</summary>
public sealed record CharacterListResponse(IReadOnlyList<CharacterListItem> Characters);
