using Silo.Reminders;
using Silo.Streams;
using Silo.Timers;

namespace Silo;

/// <summary>
/// The runtime's side of one activation, as seen by the grain it hosts. <see cref="Grain"/> wraps it; grain code
/// rarely needs it directly.
/// </summary>
public interface IGrainContext
{
    /// <summary>The grain's identity.</summary>
    GrainId GrainId { get; }

    /// <summary>The service provider grains resolve their dependencies from.</summary>
    IServiceProvider ActivationServices { get; }

    /// <summary>Creates references to other grains.</summary>
    IGrainFactory GrainFactory { get; }

    /// <summary>Durable reminders of this grain.</summary>
    IReminderRegistry Reminders { get; }

    /// <summary>Returns the named stream provider.</summary>
    /// <exception cref="KeyNotFoundException">No provider of that name is configured.</exception>
    IStreamProvider GetStreamProvider(string name);

    /// <summary>Registers an activation-bound timer whose ticks run in this activation's context.</summary>
    IGrainTimer RegisterTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options);

    /// <summary>
    /// Starts work that outlives the current call. It runs in this activation's context (its code between awaits
    /// never races the grain's calls), keeps the activation alive until it ends, and its token is cancelled when
    /// the activation deactivates or the silo stops. Exceptions are logged and surface through the returned task.
    /// </summary>
    Task RunInBackground(Func<CancellationToken, Task> work);

    /// <summary>Asks the runtime to deactivate this activation once it is idle.</summary>
    void Deactivate(DeactivationReason reason);
}
