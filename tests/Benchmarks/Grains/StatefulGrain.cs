namespace Benchmarks.Grains;

public sealed class BenchState
{
    public int Value { get; set; }

    public string Note { get; set; } = "a small state, like a character's mood: joy 0.7, trust 0.8";
}

public sealed class StatefulGrain([PersistentState("bench")] IPersistentState<BenchState> state) : Grain, IStatefulGrain
{
    public ValueTask<int> Read() => new(state.State.Value);

    public async Task Write(int value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
    }
}
