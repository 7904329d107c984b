using Silo.Runtime.Tests.Support;

namespace Silo.Runtime.Tests.Grains;

public sealed class BackgroundGrain(GrainEvents events, Gates gates) : Grain, IBackgroundGrain
{
    // A plain field on purpose: background segments and calls both increment it; lost updates would show overlap.
    private int _counter;

    public Task StartWaiting(string gate)
    {
        _ = RunInBackground(async cancellationToken =>
        {
            events.Record($"background-started:{gate}");
            try
            {
                await gates.Wait(gate).WaitAsync(cancellationToken);
                events.Record($"background-done:{gate}");
            }
            catch (OperationCanceledException)
            {
                events.Record($"background-cancelled:{gate}");
                throw;
            }
        });
        return Task.CompletedTask;
    }

    public Task StartCounting(int increments)
    {
        _ = RunInBackground(async _ =>
        {
            for (var i = 0; i < increments; i++)
            {
                var read = _counter;
                await Task.Yield();
                _counter = read + 1;
            }

            events.Record("counting-done");
        });
        return Task.CompletedTask;
    }

    public Task<int> Increment() => Task.FromResult(++_counter);

    public Task<int> Counter() => Task.FromResult(_counter);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        events.Record($"deactivated:{GetPrimaryKeyString()}:{reason.Code}");
        return Task.CompletedTask;
    }
}
