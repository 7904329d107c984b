using Silo.Reminders;
using Silo.Streams;
using Silo.Timers;

namespace Silo;

/// <summary>
/// Base class of grain implementations. An activation is created by the runtime on the first call to its id,
/// runs one request at a time (unless <see cref="ReentrantAttribute"/>), and is deactivated when idle.
/// </summary>
public abstract class Grain
{
    private readonly IGrainContext _context;

    /// <summary>Used when the runtime constructs the grain: the context comes from the activation being created.</summary>
    protected Grain()
    {
        _context = GrainContextScope.Constructing
            ?? throw new InvalidOperationException(
                $"{GetType().Name} was constructed outside the Silo runtime. Grains are created by the runtime on their first call; get a reference from IGrainFactory.GetGrain instead.");
    }

    /// <summary>For tests that host a grain on a context of their own.</summary>
    protected Grain(IGrainContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => _context.GrainId;

    /// <summary>The runtime context of this activation.</summary>
    protected IGrainContext GrainContext => _context;

    /// <summary>Creates references to other grains.</summary>
    protected IGrainFactory GrainFactory => _context.GrainFactory;

    /// <summary>The services grains resolve their dependencies from.</summary>
    protected IServiceProvider ServiceProvider => _context.ActivationServices;

    /// <summary>This grain's key.</summary>
    public string GetPrimaryKeyString() => _context.GrainId.Key;

    /// <summary>Called once when the activation starts, after its persistent states were read.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called once when the activation ends (idle, evicted, requested, or the silo stopping).</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation as soon as it is idle.</summary>
    protected void DeactivateOnIdle() =>
        _context.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "The grain asked to be deactivated."));

    /// <summary>Registers an activation-bound timer; see <see cref="GrainTimerCreationOptions"/>.</summary>
    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options) =>
        _context.RegisterTimer(callback, state, options);

    /// <summary>Registers an activation-bound timer; see <see cref="GrainTimerCreationOptions"/>.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return _context.RegisterTimer(static (cb, ct) => cb(ct), callback, options);
    }

    /// <inheritdoc cref="IGrainContext.RunInBackground"/>
    protected Task RunInBackground(Func<CancellationToken, Task> work) => _context.RunInBackground(work);

    /// <summary>Registers or updates a durable reminder; the grain must implement <see cref="IRemindable"/>.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        _context.Reminders.RegisterOrUpdateReminder(GrainId, reminderName, dueTime, period);

    /// <summary>Removes a reminder of this grain.</summary>
    protected Task UnregisterReminder(IGrainReminder reminder) => _context.Reminders.UnregisterReminder(GrainId, reminder);

    /// <summary>Returns the reminder of this name, or null.</summary>
    protected Task<IGrainReminder?> GetReminder(string reminderName) => _context.Reminders.GetReminder(GrainId, reminderName);

    /// <summary>Returns every reminder of this grain.</summary>
    protected Task<IReadOnlyList<IGrainReminder>> GetReminders() => _context.Reminders.GetReminders(GrainId);

    /// <summary>Returns the named stream provider.</summary>
    protected IStreamProvider GetStreamProvider(string name) => _context.GetStreamProvider(name);
}
