namespace Silo.Runtime.Tests.Grains;

public interface IBackgroundGrain : IGrainWithStringKey
{
    /// <summary>Starts background work that waits at the gate (or until cancelled) and returns at once.</summary>
    Task StartWaiting(string gate);

    /// <summary>Starts background work that increments a plain field many times, yielding between increments.</summary>
    Task StartCounting(int increments);

    /// <summary>Increments the same plain field as the background work.</summary>
    Task<int> Increment();

    Task<int> Counter();
}
