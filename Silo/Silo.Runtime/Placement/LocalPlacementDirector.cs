namespace Silo.Placement;

/// <summary>Places every grain on the local silo (single-silo mode).</summary>
internal sealed class LocalPlacementDirector(SiloAddress localSilo) : IPlacementDirector
{
    public SiloAddress PlaceGrain(GrainId grainId) => localSilo;
}
