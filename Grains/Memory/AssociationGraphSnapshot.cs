namespace LlmMultiChat.Grains.Memory;

/// <summary>An <see cref="AssociationGraph"/> as plain records: what a grain persists and a 3D view draws.</summary>
public sealed record AssociationGraphSnapshot(IReadOnlyList<ConceptNode> Nodes, IReadOnlyList<ConceptEdge> Edges)
{
    /// <summary>
    /// The snapshot without <paramref name="concept"/> and its edges (the graph never deletes a concept by itself; an
    /// erased user's name is taken out this way); the others keep their order, so edges are renumbered.
    /// </summary>
    public AssociationGraphSnapshot Without(string concept)
    {
        var removed = Nodes.ToList().FindIndex(n => string.Equals(n.Name, concept, StringComparison.Ordinal));
        if (removed < 0)
        {
            return this;
        }

        int Renumber(int node) => node > removed ? node - 1 : node;
        return new AssociationGraphSnapshot(
            [.. Nodes.Where((_, i) => i != removed)],
            [.. Edges.Where(e => e.From != removed && e.To != removed).Select(e => e with { From = Renumber(e.From), To = Renumber(e.To) })]);
    }
}
