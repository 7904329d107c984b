namespace Silo.Runtime.Tests.Grains;

public interface IBackgroundGrain : IGrainWithStringKey
{
    /// <summary>Starts background work that waits at the gate (or until cancelled) and returns at once.</summary>
    Task StartWaiting(string gate);

    /// <summary>Starts background work of many short segments separated by yields.</summary>
    Task StartSegments(int count);

    /// <summary>One short segment run as a call.</summary>
    Task CallSegment();

    /// <summary>The most segments (background or call) ever seen running at once.</summary>
    Task<int> MaxSegmentsAtOnce();
}
