namespace Silo.Reminders;

/// <summary>
/// Durable reminders: stored, tied to the grain (not the activation), and fired after a restart. A tick missed
/// while the silo was down is not replayed; the next one fires on schedule.
/// </summary>
public interface IReminderRegistry
{
    /// <summary>The shortest period accepted.</summary>
    static readonly TimeSpan MinimumPeriod = TimeSpan.FromMinutes(1);

    /// <exception cref="ArgumentOutOfRangeException">The period is under a minute, or the due time is negative.</exception>
    Task<IGrainReminder> RegisterOrUpdateReminder(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period);

    Task UnregisterReminder(GrainId grainId, IGrainReminder reminder);

    Task<IGrainReminder?> GetReminder(GrainId grainId, string reminderName);

    Task<IReadOnlyList<IGrainReminder>> GetReminders(GrainId grainId);
}
