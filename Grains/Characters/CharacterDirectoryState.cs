namespace LlmMultiChat.Grains.Characters;

public sealed class CharacterDirectoryState
{
    public Dictionary<string, CharacterSummary> Characters { get; set; } = new(StringComparer.Ordinal);
}
