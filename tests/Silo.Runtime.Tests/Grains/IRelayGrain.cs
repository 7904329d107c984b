namespace Silo.Runtime.Tests.Grains;

/// <summary>Relay(path) calls the grain named by path[0] with the rest of the path; the last one answers.</summary>
public interface IRelayGrain : IGrainWithStringKey
{
    Task<string> Relay(string[] path);
}

public interface IReentrantRelayGrain : IGrainWithStringKey
{
    Task<string> Relay(string[] path);
}
