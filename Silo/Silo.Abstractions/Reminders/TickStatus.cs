namespace Silo.Reminders;

/// <summary>A reminder tick: when the reminder first fired, its period, and when this tick was due.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
