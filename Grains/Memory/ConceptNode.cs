namespace LlmMultiChat.Grains.Memory;

/// <summary>A concept in a snapshot; its position in <see cref="AssociationGraphSnapshot.Nodes"/> is its id there.</summary>
public sealed record ConceptNode(string Name, int ActivationCount, DateTimeOffset CreatedAt);
