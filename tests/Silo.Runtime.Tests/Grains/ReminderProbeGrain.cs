using Silo.Reminders;

namespace Silo.Runtime.Tests.Grains;

/// <summary>Records every reminder tick it receives in the silo's <see cref="ReminderTickLog"/>.</summary>
[GrainType(TypeName)]
public sealed class ReminderProbeGrain(ReminderTickLog log) : Grain, IReminderProbeGrain, IRemindable
{
    public const string TypeName = "reminder-probe";
    public const string ReminderName = "tick";

    public Task Schedule(TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder(ReminderName, dueTime, period);

    public Task Ping() => Task.CompletedTask;

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        log.Record(new ReminderTick(GrainId, reminderName, status));
        return Task.CompletedTask;
    }
}
