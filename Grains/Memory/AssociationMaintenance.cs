namespace LlmMultiChat.Grains.Memory;

/// <summary>What one maintenance pass did: edges weakened for idleness, edges deleted for weakness.</summary>
public sealed record AssociationMaintenance(int Decayed, int Pruned);
