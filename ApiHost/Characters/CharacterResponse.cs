using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.ApiHost.Characters;

/// <summary>A character: its current persona, owner, visibility and version.</summary>
/// <param name="UpdatedBy">The user id that made the current version.</param>
public sealed record CharacterResponse(
    string Id,
    PersonaFields Persona,
    string OwnerId,
    CharacterVisibility Visibility,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    bool HasAvatar)
{
    public static CharacterResponse From(CharacterProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new(
            profile.Id,
            PersonaFields.From(profile.Persona),
            profile.OwnerId,
            profile.Visibility,
            profile.Version,
            profile.CreatedAt,
            profile.UpdatedAt,
            profile.UpdatedBy,
            profile.HasAvatar);
    }
}
