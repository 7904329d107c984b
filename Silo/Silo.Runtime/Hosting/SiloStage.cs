namespace Silo.Hosting;

/// <summary>Well-known lifecycle stages.</summary>
public static class SiloStage
{
    /// <summary>Storage: ready before the first activation, flushed after the last deactivation.</summary>
    public const int Storage = 1000;

    /// <summary>The silo accepts calls from here on (and until grains are deactivated on the way down).</summary>
    public const int Runtime = 2000;

    /// <summary>Services that call grains, such as reminders.</summary>
    public const int ActiveServices = 3000;
}
