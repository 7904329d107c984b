namespace Benchmarks.Grains;

public sealed class PingGrain : Grain, IPingGrain
{
    private int _calls;

    public ValueTask<int> Ping(int value) => new(value + ++_calls);

    public Task<int> PingTask(int value) => Task.FromResult(value + ++_calls);
}
