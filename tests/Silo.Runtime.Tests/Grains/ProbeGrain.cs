using Silo.Runtime.Tests.Support;

namespace Silo.Runtime.Tests.Grains;

public sealed class ProbeState
{
    public int Value { get; set; }
}

public sealed class ProbeGrain(
    [PersistentState("probe")] IPersistentState<ProbeState> state,
    GrainEvents events,
    Gates gates,
    ActivationFaults faults) : Grain, IProbeGrain
{
    private int _inside;
    private int _calls;
    private int _overlaps;

    private string Key => GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (faults.For(Key) is { } message)
        {
            throw new InvalidOperationException(message);
        }

        events.Record($"activated:{Key}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        events.Record($"deactivated:{Key}:{reason.Code}");
        return Task.CompletedTask;
    }

    public async Task<int> Touch()
    {
        _inside++;
        if (_inside > 1)
        {
            _overlaps++;
        }

        await Task.Yield();
        _calls++;
        _inside--;
        return _calls;
    }

    public Task<ProbeStats> Stats() => Task.FromResult(new ProbeStats(_calls, _overlaps));

    public Task<string> Ping() => Task.FromResult($"pong:{Key}");

    public Task Fail(string message) => throw new InvalidOperationException(message);

    public async Task<string> WaitAtGate(string gate)
    {
        events.Record($"entered:{gate}");
        await gates.Wait(gate);
        return $"passed:{gate}";
    }

    public async Task WaitForCancellation(CancellationToken cancellationToken)
    {
        events.Record($"waiting-for-cancellation:{Key}");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        finally
        {
            events.Record($"cancelled:{Key}:{cancellationToken.IsCancellationRequested}");
        }
    }

    public Task<string> Peek() => Task.FromResult($"peek:{Key}");

    public async Task Save(int value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
    }

    public Task<int> Load() => Task.FromResult(state.State.Value);

    public Task DeactivateSoon()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
