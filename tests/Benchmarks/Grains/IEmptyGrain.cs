namespace Benchmarks.Grains;

public interface IEmptyGrain : IGrainWithStringKey
{
    ValueTask Touch();
}
