namespace Silo.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    ValueTask<int> Current();

    Task Add(int amount);

    ValueTask Reset();
}
