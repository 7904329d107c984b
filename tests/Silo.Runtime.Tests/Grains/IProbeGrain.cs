namespace Silo.Runtime.Tests.Grains;

/// <summary>A non-reentrant grain that reports how it was called.</summary>
public interface IProbeGrain : IGrainWithStringKey
{
    /// <summary>Counts the call, yielding once in the middle; records any overlap with another call.</summary>
    Task<int> Touch();

    Task<ProbeStats> Stats();

    Task<string> Ping();

    Task Fail(string message);

    /// <summary>Records "entered:{gate}", then waits until the test opens the gate.</summary>
    Task<string> WaitAtGate(string gate);

    /// <summary>Waits until the call is cancelled.</summary>
    Task WaitForCancellation(CancellationToken cancellationToken);

    [AlwaysInterleave]
    Task<string> Peek();

    Task Save(int value);

    Task<int> Load();

    Task DeactivateSoon();
}

public sealed record ProbeStats(int Calls, int Overlaps);
