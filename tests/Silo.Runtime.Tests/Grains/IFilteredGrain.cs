namespace Silo.Runtime.Tests.Grains;

public interface IFilteredGrain : IGrainWithStringKey
{
    Task<string> Echo(string text);
}
