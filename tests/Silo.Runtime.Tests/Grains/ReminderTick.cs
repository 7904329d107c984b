using Silo.Reminders;

namespace Silo.Runtime.Tests.Grains;

/// <summary>One reminder tick as a grain received it.</summary>
public sealed record ReminderTick(GrainId GrainId, string ReminderName, TickStatus Status);
