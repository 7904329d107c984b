using Silo.Runtime.Tests.Grains;
using Silo.Runtime.Tests.Support;
using Silo.Testing;

namespace Silo.Runtime.Tests;

public sealed class TimerTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    // These tests move the clock by minutes while a call is open; keep the call timeout out of the way.
    private static Task<TestSilo> StartAsync(Action<Hosting.SiloOptions>? options = null) =>
        Silos.StartAsync(o =>
        {
            o.CallTimeout = TimeSpan.FromHours(1);
            options?.Invoke(o);
        });

    [Fact]
    public async Task A_timer_ticks_once_per_period_and_stops_when_disposed()
    {
        await using var silo = await StartAsync();
        var grain = silo.GetGrain<ITimerGrain>("t");
        await grain.StartTimer(Minute, Minute, interleave: false, keepAlive: false);

        silo.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, silo.Events().Count("tick:t:1"));
        silo.Time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        await silo.Events().WaitFor("tick:t:3").WaitOrFail("three ticks");
        await grain.StopTimer();
        silo.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, silo.Events().Count("tick:t:4"));
    }

    [Fact]
    public async Task A_tick_that_does_not_interleave_waits_for_the_running_call()
    {
        await using var silo = await StartAsync();
        var grain = silo.GetGrain<ITimerGrain>("t");
        await grain.StartTimer(Minute, Timeout.InfiniteTimeSpan, interleave: false, keepAlive: false);
        var call = grain.WaitAtGate("call");
        await silo.Events().WaitFor("entered:call").WaitOrFail("the call to start");

        silo.Time.Advance(Minute);
        Assert.Equal(0, silo.Events().Count("tick:t:1"));
        silo.Gates().Open("call");
        await call.WaitOrFail("the call");
        await silo.Events().WaitFor("tick:t:1").WaitOrFail("the tick after the call");

        var events = silo.Events().Snapshot();
        Assert.True(events.ToList().IndexOf("left:call") < events.ToList().IndexOf("tick:t:1"));
    }

    [Fact]
    public async Task An_interleaving_tick_runs_while_a_call_awaits()
    {
        await using var silo = await StartAsync();
        var grain = silo.GetGrain<ITimerGrain>("t");
        await grain.StartTimer(Minute, Timeout.InfiniteTimeSpan, interleave: true, keepAlive: false);
        var call = grain.WaitAtGate("call");
        await silo.Events().WaitFor("entered:call").WaitOrFail("the call to start");

        silo.Time.Advance(Minute);
        await silo.Events().WaitFor("tick:t:1").WaitOrFail("the tick during the call");

        Assert.False(call.IsCompleted);
        silo.Gates().Open("call");
        await call.WaitOrFail("the call");
    }

    [Fact]
    public async Task Ticks_keep_an_activation_alive_only_with_KeepAlive_and_end_with_the_activation()
    {
        await using var silo = await StartAsync(options => options.CollectionAgeByGrainType["timer"] = TimeSpan.FromMinutes(5));
        var kept = silo.GetGrain<ITimerGrain>("kept");
        var plain = silo.GetGrain<ITimerGrain>("plain");
        await kept.StartTimer(Minute, Minute, interleave: false, keepAlive: true);
        await plain.StartTimer(Minute, Minute, interleave: false, keepAlive: false);

        silo.Time.Advance(TimeSpan.FromMinutes(5));
        await silo.Events().WaitFor("deactivated:plain").WaitOrFail("the grain whose timer does not keep it alive to be collected");
        var ticksAtDeactivation = Enumerable.Range(1, 10).Count(n => silo.Events().Count($"tick:plain:{n}") > 0);
        silo.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(0, silo.Events().Count("deactivated:kept"));
        Assert.True(silo.Events().Count("tick:kept:15") == 1, "the kept grain's timer ticks every minute for 15 minutes");
        Assert.Equal(ticksAtDeactivation, Enumerable.Range(1, 20).Count(n => silo.Events().Count($"tick:plain:{n}") > 0));
    }
}
