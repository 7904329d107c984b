using Silo.Runtime.Tests.Support;

namespace Silo.Runtime.Tests.Grains;

public sealed class BackgroundGrain(GrainEvents events, Gates gates) : Grain, IBackgroundGrain
{
    private int _inSegment;
    private int _maxInSegment;

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

    public Task StartSegments(int count)
    {
        _ = RunInBackground(async _ =>
        {
            for (var i = 0; i < count; i++)
            {
                Segment();
                await Task.Yield();
            }

            events.Record("segments-done");
        });
        return Task.CompletedTask;
    }

    public Task CallSegment()
    {
        Segment();
        return Task.CompletedTask;
    }

    public Task<int> MaxSegmentsAtOnce() => Task.FromResult(_maxInSegment);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        events.Record($"deactivated:{GetPrimaryKeyString()}:{reason.Code}");
        return Task.CompletedTask;
    }

    // Interlocked on purpose: if a background segment and a call segment ever overlapped, the count would show it.
    private void Segment()
    {
        var now = Interlocked.Increment(ref _inSegment);
        _maxInSegment = Math.Max(_maxInSegment, now);
        Thread.SpinWait(500);
        Interlocked.Decrement(ref _inSegment);
    }
}
