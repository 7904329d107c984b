namespace Silo.Timers;

/// <summary>An activation-bound timer; disposed automatically when the activation ends.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes the due time and period.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
