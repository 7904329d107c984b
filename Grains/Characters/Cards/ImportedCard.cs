namespace LlmMultiChat.Grains.Characters.Cards;

/// <summary>
/// What an import produced: the persona (its <see cref="Persona.SourceCard"/> holds the card's JSON text), the
/// format the card was in, and for a PNG card the image itself, without its card chunks, to use as the avatar
/// (null for a JSON card).
/// </summary>
public sealed record ImportedCard(Persona Persona, CardSpec Spec, byte[]? Avatar);
