namespace Silo.Runtime.Tests.Grains;

public interface IReentrantGrain : IGrainWithStringKey
{
    Task<string> WaitAtGate(string gate);

    Task<string> Ping();

    /// <summary>Spins in several segments separated by yields; tracks how many segments and requests ran at once.</summary>
    Task Work(int segments, int spins);

    Task<ConcurrencyStats> Concurrency();
}

public sealed record ConcurrencyStats(int MaxSegmentsAtOnce, int MaxRequestsAtOnce);
