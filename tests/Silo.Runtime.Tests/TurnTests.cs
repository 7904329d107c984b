using Silo.Runtime.Tests.Grains;
using Silo.Runtime.Tests.Support;
using Silo.Testing;

namespace Silo.Runtime.Tests;

/// <summary>One request at a time per activation, and the two ways to relax that: [Reentrant] and [AlwaysInterleave].</summary>
public sealed class TurnTests
{
    [Fact]
    public async Task A_thousand_concurrent_callers_of_one_non_reentrant_grain_get_one_activation_no_overlap_and_no_lost_call()
    {
        await using var silo = await Silos.StartAsync();

        // Callers on many threads, each with its own reference, all released at once.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 1000)
            .Select(_ => Task.Run(async () =>
            {
                await start.Task;
                return await silo.GetGrain<IProbeGrain>("hot").Touch();
            }))
            .ToArray();
        start.SetResult();
        var results = await Task.WhenAll(calls).WaitOrFail("1,000 concurrent calls");

        var stats = await silo.GetGrain<IProbeGrain>("hot").Stats();
        Assert.Equal(1000, stats.Calls);
        Assert.Equal(0, stats.Overlaps);
        Assert.Equal(Enumerable.Range(1, 1000), results.Order());
        Assert.Equal(1, silo.Events().Count("activated:hot"));
        Assert.Equal(1, silo.ActivationCount);
    }

    [Fact]
    public async Task A_non_reentrant_grain_holds_other_calls_until_the_running_one_completes()
    {
        await using var silo = await Silos.StartAsync();
        var grain = silo.GetGrain<IProbeGrain>("busy");
        var waiting = grain.WaitAtGate("g1");
        await silo.Events().WaitFor("entered:g1").WaitOrFail("the first call to reach its gate");

        var ping = grain.Ping();
        var peek = await grain.Peek().WaitOrFail("an [AlwaysInterleave] call during a long call");

        Assert.Equal("peek:busy", peek);
        Assert.False(ping.IsCompleted, "an ordinary call must wait while another request holds the activation");
        silo.Gates().Open("g1");
        Assert.Equal("passed:g1", await waiting.WaitOrFail("the first call"));
        Assert.Equal("pong:busy", await ping.WaitOrFail("the queued call"));
    }

    [Fact]
    public async Task A_reentrant_grain_runs_another_call_while_one_awaits()
    {
        await using var silo = await Silos.StartAsync();
        var grain = silo.GetGrain<IReentrantGrain>("r");
        var waiting = grain.WaitAtGate("r1");
        await silo.Events().WaitFor("entered:r1").WaitOrFail("the first call to reach its gate");

        Assert.Equal("pong", await grain.Ping().WaitOrFail("a call to a reentrant grain that is awaiting"));
        Assert.False(waiting.IsCompleted);
        silo.Gates().Open("r1");
        await waiting.WaitOrFail("the gated call");
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_requests_but_never_runs_two_segments_at_once()
    {
        await using var silo = await Silos.StartAsync();
        var grain = silo.GetGrain<IReentrantGrain>("segments");

        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => grain.Work(segments: 20, spins: 2000))))
            .WaitOrFail("64 interleaving requests");

        var stats = await grain.Concurrency();
        Assert.True(stats.MaxRequestsAtOnce > 1, "requests of a reentrant grain should interleave at their awaits");
        Assert.Equal(1, stats.MaxSegmentsAtOnce);
    }

    [Fact]
    public async Task Calls_to_different_grains_run_in_parallel()
    {
        await using var silo = await Silos.StartAsync();
        var first = silo.GetGrain<IProbeGrain>("p1").WaitAtGate("shared");
        await silo.Events().WaitFor("entered:shared").WaitOrFail("the first grain to reach the gate");

        Assert.Equal("pong:p2", await silo.GetGrain<IProbeGrain>("p2").Ping().WaitOrFail("a call to another grain"));
        silo.Gates().Open("shared");
        await first.WaitOrFail("the gated call");
    }
}
