namespace Silo.Runtime.Tests.Grains;

public interface IStreamingGrain : IGrainWithStringKey
{
    IAsyncEnumerable<int> Count(int upTo);

    /// <summary>Yields 0, 1, 2, ... until cancelled; records how it ended.</summary>
    IAsyncEnumerable<int> Forever(CancellationToken cancellationToken);

    IAsyncEnumerable<int> FailAfter(int items, string message);

    Task<string> Ping();
}
