using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.ApiHost.Characters;

/// <summary>One version of a character's persona, with who made it and when.</summary>
public sealed record CharacterVersionResponse(int Version, PersonaFields Persona, string ChangedBy, DateTimeOffset ChangedAt)
{
    public static CharacterVersionResponse From(PersonaVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new(version.Version, PersonaFields.From(version.Persona), version.ChangedBy, version.ChangedAt);
    }
}
