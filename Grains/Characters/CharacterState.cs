namespace LlmMultiChat.Grains.Characters;

/// <summary>A character's stored state: the current persona and every version it had.</summary>
public sealed class CharacterState
{
    public bool Exists { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public CharacterVisibility Visibility { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool HasAvatar { get; set; }

    /// <summary>Oldest first; the last one is current.</summary>
    public List<PersonaVersion> Versions { get; set; } = [];

    /// <summary>A copy to change, so the stored state stays as it was until the change is written.</summary>
    public CharacterState Copy() => new()
    {
        Exists = Exists,
        OwnerId = OwnerId,
        Visibility = Visibility,
        CreatedAt = CreatedAt,
        HasAvatar = HasAvatar,
        Versions = [.. Versions],
    };
}
