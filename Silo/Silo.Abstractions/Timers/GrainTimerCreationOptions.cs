namespace Silo.Timers;

/// <summary>How a grain timer ticks (the shape of Orleans' options of the same name).</summary>
public readonly record struct GrainTimerCreationOptions
{
    public GrainTimerCreationOptions(TimeSpan dueTime, TimeSpan period)
    {
        DueTime = dueTime;
        Period = period;
    }

    /// <summary>Time until the first tick; <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan DueTime { get; init; }

    /// <summary>Time between the end of one tick and the start of the next; <see cref="Timeout.InfiniteTimeSpan"/> for a single tick.</summary>
    public TimeSpan Period { get; init; }

    /// <summary>
    /// False (default): a tick waits, like a request, until no request holds a non-reentrant activation.
    /// True: a tick interleaves with requests at their awaits.
    /// </summary>
    public bool Interleave { get; init; }

    /// <summary>True: ticks count as use, so the activation is not collected for idleness while the timer runs.</summary>
    public bool KeepAlive { get; init; }
}
