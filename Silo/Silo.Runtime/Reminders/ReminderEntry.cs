namespace Silo.Reminders;

/// <summary>A stored reminder: first tick at <see cref="StartAt"/>, then every <see cref="Period"/>.</summary>
public sealed record ReminderEntry(GrainId GrainId, string Name, DateTimeOffset StartAt, TimeSpan Period, string ETag);
