namespace Silo.Runtime.Tests.Grains;

public sealed class CounterState
{
    public int Value { get; set; }
}

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter) : Grain, ICounterGrain
{
    public async Task<int> Increment()
    {
        counter.State.Value++;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public ValueTask<int> Current() => new(counter.State.Value);

    public async Task Add(int amount)
    {
        counter.State.Value += amount;
        await counter.WriteStateAsync();
    }

    public async ValueTask Reset() => await counter.ClearStateAsync();
}
