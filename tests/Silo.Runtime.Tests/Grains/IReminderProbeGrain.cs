namespace Silo.Runtime.Tests.Grains;

public interface IReminderProbeGrain : IGrainWithStringKey
{
    /// <summary>Registers (or updates) the reminder <see cref="ReminderProbeGrain.ReminderName"/>.</summary>
    Task Schedule(TimeSpan dueTime, TimeSpan period);

    /// <summary>Does nothing: turns run in order, so when it returns every tick queued before it has been handled.</summary>
    Task Ping();
}
