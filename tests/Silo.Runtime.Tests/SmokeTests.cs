using Silo.Runtime.Tests.Grains;
using Silo.Testing;

namespace Silo.Runtime.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task A_counter_counts()
    {
        await using var silo = await TestSilo.StartAsync(b => b.AddGrain<CounterGrain>());
        var counter = silo.GetGrain<ICounterGrain>("a");
        Assert.Equal(1, await counter.Increment());
        Assert.Equal(2, await counter.Increment());
        await counter.Add(5);
        Assert.Equal(7, await counter.Current());
        await counter.Reset();
        Assert.Equal(0, await counter.Current());
    }
}
