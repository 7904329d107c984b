namespace Benchmarks.Grains;

public interface IPingGrain : IGrainWithStringKey
{
    ValueTask<int> Ping(int value);

    Task<int> PingTask(int value);
}
