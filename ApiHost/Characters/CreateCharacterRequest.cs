using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.ApiHost.Characters;

/// <param name="Id">The new character's id (<see cref="CharacterIds.Pattern"/>); when left out, one is made from the name (or at random).</param>
public sealed record CreateCharacterRequest(PersonaFields Persona, string? Id = null, CharacterVisibility Visibility = CharacterVisibility.Private);
