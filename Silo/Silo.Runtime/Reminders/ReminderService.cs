using System.Collections.Concurrent;
using Silo.Hosting;
using Silo.Invocation;

namespace Silo.Reminders;

/// <summary>
/// Keeps every stored reminder scheduled on the silo's clock and delivers each tick as an ordinary grain call
/// (activating the grain if needed). Ticks that fell while the silo was down are not replayed; the next one
/// fires on schedule (first tick + k·period).
/// </summary>
internal sealed class ReminderService(SiloRuntime runtime, IReminderTable table) : IReminderRegistry, ISiloLifecycleParticipant
{
    private readonly ConcurrentDictionary<(GrainId, string), Schedule> _schedules = new();
    private volatile bool _running;

    public int Stage => SiloStage.ActiveServices;

    private TimeProvider Time => runtime.Time;

    public async Task OnStartAsync(CancellationToken cancellationToken)
    {
        _running = true;
        foreach (var entry in await table.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            Arm(entry);
        }
    }

    public Task OnStopAsync(CancellationToken cancellationToken)
    {
        _running = false;
        foreach (var schedule in _schedules.Values)
        {
            schedule.Dispose();
        }

        _schedules.Clear();
        return Task.CompletedTask;
    }

    public async Task<IGrainReminder> RegisterOrUpdateReminder(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        if (period < IReminderRegistry.MinimumPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"A reminder's period must be at least {IReminderRegistry.MinimumPeriod}; use a grain timer for shorter ones.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        if (runtime.Registry.ForName(grainId.Type) is not { IsRemindable: true })
        {
            throw new InvalidOperationException($"Grain {grainId} cannot receive reminders: its class does not implement IRemindable.");
        }

        // Whole milliseconds, as stored: the schedule is the same before and after a restart.
        var startAt = DateTimeOffset.FromUnixTimeMilliseconds((runtime.Time.GetUtcNow() + dueTime).ToUnixTimeMilliseconds());
        period = TimeSpan.FromMilliseconds(Math.Floor(period.TotalMilliseconds));
        var entry = await table.UpsertAsync(grainId, reminderName, startAt, period, runtime.StoppingToken).ConfigureAwait(false);
        Arm(entry);
        return new GrainReminder(entry.Name, entry.ETag);
    }

    public async Task UnregisterReminder(GrainId grainId, IGrainReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var entry = await table.ReadAsync(grainId, reminder.ReminderName, runtime.StoppingToken).ConfigureAwait(false);
        if (entry is not null)
        {
            await table.RemoveAsync(grainId, entry.Name, entry.ETag, runtime.StoppingToken).ConfigureAwait(false);
        }

        if (_schedules.TryRemove((grainId, reminder.ReminderName), out var schedule))
        {
            schedule.Dispose();
        }
    }

    public async Task<IGrainReminder?> GetReminder(GrainId grainId, string reminderName)
    {
        var entry = await table.ReadAsync(grainId, reminderName, runtime.StoppingToken).ConfigureAwait(false);
        return entry is null ? null : new GrainReminder(entry.Name, entry.ETag);
    }

    public async Task<IReadOnlyList<IGrainReminder>> GetReminders(GrainId grainId)
    {
        var entries = await table.ReadAsync(grainId, runtime.StoppingToken).ConfigureAwait(false);
        return [.. entries.Select(e => new GrainReminder(e.Name, e.ETag))];
    }

    private void Arm(ReminderEntry entry)
    {
        if (!_running)
        {
            return;
        }

        var schedule = new Schedule(this, entry);
        if (_schedules.TryGetValue((entry.GrainId, entry.Name), out var previous))
        {
            previous.Dispose();
        }

        _schedules[(entry.GrainId, entry.Name)] = schedule;
        schedule.ArmNext();
    }

    private void Fire(Schedule schedule, DateTimeOffset due)
    {
        if (!_running || !_schedules.TryGetValue((schedule.Entry.GrainId, schedule.Entry.Name), out var current) || current != schedule)
        {
            return;
        }

        // Arm the next tick before delivering this one, so a slow grain delays nothing; turns keep ticks in order.
        schedule.ArmNext();
        _ = DeliverAsync(schedule.Entry, due);
    }

    private async Task DeliverAsync(ReminderEntry entry, DateTimeOffset due)
    {
        try
        {
            var reference = new RuntimeGrainReference(runtime.Invoker, entry.GrainId);
            await runtime.Invoker.Invoke<NoResult, ReceiveReminderRequest>(
                reference,
                new ReceiveReminderRequest(entry.Name, new TickStatus(entry.StartAt, entry.Period, due))).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            runtime.Log.ReminderFailed(ex, entry.GrainId, entry.Name);
        }
    }

    /// <summary>First tick time plus the smallest whole number of periods that is not in the past.</summary>
    internal static DateTimeOffset NextTick(ReminderEntry entry, DateTimeOffset now)
    {
        if (now <= entry.StartAt)
        {
            return entry.StartAt;
        }

        var periods = (long)Math.Ceiling((now - entry.StartAt).Ticks / (double)entry.Period.Ticks);
        return entry.StartAt + TimeSpan.FromTicks(entry.Period.Ticks * periods);
    }

    private sealed class Schedule(ReminderService service, ReminderEntry entry) : IDisposable
    {
        private readonly Lock _lock = new();
        private ITimer? _timer;
        private DateTimeOffset _lastDue = DateTimeOffset.MinValue;
        private bool _disposed;

        public ReminderEntry Entry => entry;

        private ReminderService Service => service;

        public void ArmNext()
        {
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                var now = service.Time.GetUtcNow();
                var due = NextTick(entry, now);
                if (due <= _lastDue)
                {
                    due = _lastDue + entry.Period;
                }

                _lastDue = due;
                _timer?.Dispose();
                _timer = service.Time.CreateTimer(
                    static state =>
                    {
                        var (schedule, due) = ((Schedule, DateTimeOffset))state!;
                        schedule.Service.Fire(schedule, due);
                    },
                    (this, due),
                    due - now,
                    Timeout.InfiniteTimeSpan);
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _disposed = true;
                _timer?.Dispose();
            }
        }
    }
}
