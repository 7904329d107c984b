namespace Silo.Runtime.Tests.Grains;

public sealed class RelayGrain : Grain, IRelayGrain
{
    public async Task<string> Relay(string[] path) =>
        path.Length == 0 ? GetPrimaryKeyString() : $"{GetPrimaryKeyString()}>{await GrainFactory.GetGrain<IRelayGrain>(path[0]).Relay(path[1..])}";
}

[Reentrant]
public sealed class ReentrantRelayGrain : Grain, IReentrantRelayGrain
{
    public async Task<string> Relay(string[] path) =>
        path.Length == 0 ? GetPrimaryKeyString() : $"{GetPrimaryKeyString()}>{await GrainFactory.GetGrain<IReentrantRelayGrain>(path[0]).Relay(path[1..])}";
}
