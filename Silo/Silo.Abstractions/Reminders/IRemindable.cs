namespace Silo.Reminders;

/// <summary>Implemented by grains that register reminders; a tick activates the grain if needed.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}
