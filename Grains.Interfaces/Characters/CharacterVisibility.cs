namespace LlmMultiChat.Grains.Characters;

/// <summary>Who may see and talk to a character: everyone, or only its owner.</summary>
public enum CharacterVisibility
{
    Public,
    Private,
}
