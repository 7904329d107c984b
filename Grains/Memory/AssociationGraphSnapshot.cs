namespace LlmMultiChat.Grains.Memory;

/// <summary>An <see cref="AssociationGraph"/> as plain records: what a grain persists and a 3D view draws.</summary>
public sealed record AssociationGraphSnapshot(IReadOnlyList<ConceptNode> Nodes, IReadOnlyList<ConceptEdge> Edges);
