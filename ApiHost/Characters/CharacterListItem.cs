using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.ApiHost.Characters;

/// <summary>A character in the list: enough to show it and to address it by name or alias.</summary>
public sealed record CharacterListItem(string Id, string Name, IReadOnlyList<string> Aliases, string OwnerId, CharacterVisibility Visibility)
{
    public static CharacterListItem From(CharacterSummary character)
    {
        ArgumentNullException.ThrowIfNull(character);
        return new(character.Id, character.Name, character.Aliases, character.OwnerId, character.Visibility);
    }
}
