namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// A concept in a snapshot; its position in <see cref="AssociationGraphSnapshot.Nodes"/> is its id there.
/// <see cref="HeardFrom"/> lists the users it was learned from while it is private to them; null once shared.
/// </summary>
public sealed record ConceptNode(string Name, int ActivationCount, DateTimeOffset CreatedAt, IReadOnlyList<string>? HeardFrom = null);
