namespace LlmMultiChat.Grains.Characters;

/// <summary>A character in the directory: enough to list it and to resolve a name or alias to its id.</summary>
public sealed record CharacterSummary(string Id, string Name, IReadOnlyList<string> Aliases, string OwnerId, CharacterVisibility Visibility);
