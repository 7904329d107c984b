namespace Silo.Placement;

/// <summary>Chooses the silo for a new activation.</summary>
public interface IPlacementDirector
{
    SiloAddress PlaceGrain(GrainId grainId);
}
