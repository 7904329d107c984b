namespace Silo.Hosting;

/// <summary>Where a silo is in its life.</summary>
public enum SiloStatus
{
    Created,
    Starting,
    Running,
    Stopping,
    Stopped,
}
