namespace LlmMultiChat.Grains.Characters;

/// <summary>
/// Part of a character's associative memory around one concept, shaped for a 3D view: the centre (id 0), the concepts
/// reached from it and the edges among all of them.
/// </summary>
/// <param name="Center">The concept the view starts from; null when none was asked for and the character has learned no association yet.</param>
/// <param name="Nodes">The centre first (distance 0, strength 1), then the concepts reached, strongest path first; empty when the centre is unknown.</param>
/// <param name="Edges">Every edge of at least <paramref name="Threshold"/> between two of <paramref name="Nodes"/>, not only those on best paths.</param>
public sealed record AssociationView(string? Center, int Depth, double Threshold, IReadOnlyList<AssociationNode> Nodes, IReadOnlyList<AssociationEdge> Edges);
