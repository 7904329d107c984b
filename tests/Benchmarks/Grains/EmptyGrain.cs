namespace Benchmarks.Grains;

/// <summary>A grain with no fields of its own, so memory per activation is the runtime's overhead.</summary>
public sealed class EmptyGrain : Grain, IEmptyGrain
{
    public ValueTask Touch() => default;
}
