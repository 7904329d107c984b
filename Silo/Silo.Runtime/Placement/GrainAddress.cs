namespace Silo.Placement;

/// <summary>A grain activation's location: which silo hosts it.</summary>
public readonly record struct GrainAddress(GrainId GrainId, SiloAddress Silo);
