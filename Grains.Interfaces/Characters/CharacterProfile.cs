namespace LlmMultiChat.Grains.Characters;

/// <summary>A character as the rest of the system sees it: its current persona and who owns it.</summary>
public sealed record CharacterProfile(
    string Id,
    Persona Persona,
    string OwnerId,
    CharacterVisibility Visibility,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    bool HasAvatar);
