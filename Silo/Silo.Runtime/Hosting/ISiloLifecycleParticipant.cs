namespace Silo.Hosting;

/// <summary>
/// A service that starts and stops with the silo. Stages below <see cref="SiloStage.Runtime"/> start before the silo
/// takes calls and stop after every grain has deactivated (storage); stages from it on start once calls flow and
/// stop before grains deactivate (reminders).
/// </summary>
public interface ISiloLifecycleParticipant
{
    int Stage { get; }

    Task OnStartAsync(CancellationToken cancellationToken);

    Task OnStopAsync(CancellationToken cancellationToken);
}
