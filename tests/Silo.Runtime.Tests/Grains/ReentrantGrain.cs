using Silo.Runtime.Tests.Support;

namespace Silo.Runtime.Tests.Grains;

[Reentrant]
public sealed class ReentrantGrain(GrainEvents events, Gates gates) : Grain, IReentrantGrain
{
    private int _segments;
    private int _maxSegments;
    private int _requests;
    private int _maxRequests;

    public async Task<string> WaitAtGate(string gate)
    {
        events.Record($"entered:{gate}");
        await gates.Wait(gate);
        return $"passed:{gate}";
    }

    public Task<string> Ping() => Task.FromResult("pong");

    public async Task Work(int segments, int spins)
    {
        _maxRequests = Math.Max(_maxRequests, ++_requests);
        for (var i = 0; i < segments; i++)
        {
            // Interlocked on purpose: if two segments ever ran at once, the count would show it.
            var now = Interlocked.Increment(ref _segments);
            _maxSegments = Math.Max(_maxSegments, now);
            Thread.SpinWait(spins);
            Interlocked.Decrement(ref _segments);
            await Task.Yield();
        }

        _requests--;
    }

    public Task<ConcurrencyStats> Concurrency() => Task.FromResult(new ConcurrencyStats(_maxSegments, _maxRequests));
}
