using LlmMultiChat.Grains.Memory;

namespace LlmMultiChat.Grains.Characters;

/// <summary>A character's associative memory as last written; null until it first learns something.</summary>
public sealed class CharacterAssociationState
{
    public AssociationGraphSnapshot? Graph { get; set; }
}
