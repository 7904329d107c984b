namespace LlmMultiChat.Grains.Memory;

/// <summary>A concept reached from a centre: the strength of its best path (product of edge strengths) and that path's hops.</summary>
public sealed record Association(string Concept, double Strength, int Depth);
