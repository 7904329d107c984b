namespace Silo.Runtime.Tests.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    /// <summary>Starts a timer whose ticks record "tick:{key}:{n}".</summary>
    Task StartTimer(TimeSpan dueTime, TimeSpan period, bool interleave, bool keepAlive);

    Task StopTimer();

    Task<string> WaitAtGate(string gate);
}
