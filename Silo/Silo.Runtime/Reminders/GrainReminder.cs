namespace Silo.Reminders;

/// <summary>A reminder handle given to grains.</summary>
internal sealed record GrainReminder(string ReminderName, string ETag) : IGrainReminder;
