namespace LlmMultiChat.Grains.Characters;

/// <summary>A concept in an <see cref="AssociationView"/>.</summary>
/// <param name="Id">Its position in the view's nodes, which edges refer to (the centre is 0).</param>
/// <param name="Distance">Hops of its best path from the centre.</param>
/// <param name="Strength">Its best path's strength from the centre: the product of the edge strengths, in (0, 1].</param>
public sealed record AssociationNode(int Id, string Name, int Distance, double Strength);
