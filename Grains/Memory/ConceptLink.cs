namespace LlmMultiChat.Grains.Memory;

/// <summary>An undirected edge between two named concepts and its strength.</summary>
public sealed record ConceptLink(string From, string To, double Strength);
