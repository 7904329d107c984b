using Silo.Runtime.Tests.Support;
using Silo.Timers;

namespace Silo.Runtime.Tests.Grains;

public sealed class TimerGrain(GrainEvents events, Gates gates) : Grain, ITimerGrain
{
    private IGrainTimer? _timer;
    private int _ticks;

    public Task StartTimer(TimeSpan dueTime, TimeSpan period, bool interleave, bool keepAlive)
    {
        _timer = RegisterGrainTimer(
            _ =>
            {
                events.Record($"tick:{GetPrimaryKeyString()}:{++_ticks}");
                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions(dueTime, period) { Interleave = interleave, KeepAlive = keepAlive });
        return Task.CompletedTask;
    }

    public Task StopTimer()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public async Task<string> WaitAtGate(string gate)
    {
        events.Record($"entered:{gate}");
        await gates.Wait(gate);
        events.Record($"left:{gate}");
        return gate;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        events.Record($"deactivated:{GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }
}
