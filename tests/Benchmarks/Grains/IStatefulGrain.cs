namespace Benchmarks.Grains;

public interface IStatefulGrain : IGrainWithStringKey
{
    ValueTask<int> Read();

    Task Write(int value);
}
