namespace LlmMultiChat.Grains.Characters;

/// <summary>An undirected edge of an <see cref="AssociationView"/> between two node ids, with its strength in (0, 1].</summary>
public sealed record AssociationEdge(int Source, int Target, double Strength);
