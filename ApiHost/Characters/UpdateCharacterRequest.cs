using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.ApiHost.Characters;

/// <summary>Replaces a character's persona (and, when given, its visibility).</summary>
/// <param name="Visibility">Left out (or null): unchanged.</param>
/// <param name="ExpectedVersion">The version the edit was based on; when it is no longer current the update is refused (409).</param>
public sealed record UpdateCharacterRequest(PersonaFields Persona, CharacterVisibility? Visibility = null, int? ExpectedVersion = null);
