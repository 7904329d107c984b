using Silo.Runtime.Tests.Grains;
using Silo.Runtime.Tests.Support;
using Silo.Testing;

namespace Silo.Runtime.Tests;

public sealed class DeadlockAndTimeoutTests
{
    [Fact]
    public async Task A_to_B_to_A_fails_fast_with_the_chain_named()
    {
        await using var silo = await Silos.StartAsync();

        var error = await Assert.ThrowsAsync<DeadlockException>(() => silo.GetGrain<IRelayGrain>("a").Relay(["b", "a"]).WaitOrFail("the cycle to fail"));

        Assert.Equal(["relay/a.Relay", "relay/b.Relay", "relay/a.Relay"], error.CallChain);
        Assert.Contains("relay/a.Relay -> relay/b.Relay -> relay/a.Relay", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_longer_cycle_is_detected_too()
    {
        await using var silo = await Silos.StartAsync();

        var error = await Assert.ThrowsAsync<DeadlockException>(() => silo.GetGrain<IRelayGrain>("a").Relay(["b", "c", "a"]).WaitOrFail("the cycle to fail"));

        Assert.Equal(["relay/a.Relay", "relay/b.Relay", "relay/c.Relay", "relay/a.Relay"], error.CallChain);
    }

    [Fact]
    public async Task A_chain_without_a_cycle_and_a_cycle_through_reentrant_grains_both_complete()
    {
        await using var silo = await Silos.StartAsync();

        Assert.Equal("a>b>c", await silo.GetGrain<IRelayGrain>("a").Relay(["b", "c"]).WaitOrFail("an acyclic chain"));
        Assert.Equal("a>b>a", await silo.GetGrain<IReentrantRelayGrain>("a").Relay(["b", "a"]).WaitOrFail("a cycle of reentrant grains"));
    }

    [Fact]
    public async Task A_call_that_overruns_its_timeout_fails_with_a_timeout_error_and_the_grain_recovers()
    {
        await using var silo = await Silos.StartAsync(options => options.CallTimeout = TimeSpan.FromSeconds(10));
        var grain = silo.GetGrain<IProbeGrain>("slow");
        var call = grain.WaitAtGate("never-in-time");
        await silo.Events().WaitFor("entered:never-in-time").WaitOrFail("the call to start");

        silo.Time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(call.IsCompleted, "the call must not time out early");
        silo.Time.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call.WaitOrFail("the timeout"));
        Assert.Equal(grain is Invocation.GrainReference reference ? reference.GrainId : default, error.GrainId);
        Assert.Equal("WaitAtGate", error.Method);
        silo.Gates().Open("never-in-time");
        Assert.Equal("pong:slow", await grain.Ping().WaitOrFail("a call after the timed-out one finished"));
    }

    [Fact]
    public async Task A_queued_call_whose_caller_cancels_is_dropped_without_running()
    {
        await using var silo = await Silos.StartAsync();
        var grain = silo.GetGrain<IProbeGrain>("queue");
        var holder = grain.WaitAtGate("hold");
        await silo.Events().WaitFor("entered:hold").WaitOrFail("the first call to start");
        using var cancellation = new CancellationTokenSource();

        var queued = grain.WaitForCancellation(cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitOrFail("the cancelled call"));
        silo.Gates().Open("hold");
        await holder.WaitOrFail("the first call");
        Assert.Equal("pong:queue", await grain.Ping());
        Assert.Equal(0, silo.Events().Count("waiting-for-cancellation:queue"));
    }
}
