using Silo.Runtime.Tests.Grains;
using Silo.Runtime.Tests.Support;
using Silo.Testing;

namespace Silo.Runtime.Tests;

public sealed class BackgroundWorkTests
{
    [Fact]
    public async Task Background_work_outlives_its_call_and_never_runs_at_the_same_time_as_calls()
    {
        await using var silo = await Silos.StartAsync();
        var grain = silo.GetGrain<IBackgroundGrain>("b");

        await grain.StartSegments(2000);
        await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => Task.Run(grain.CallSegment))).WaitOrFail("calls during the background work");
        await silo.Events().WaitFor("segments-done").WaitOrFail("the background work");

        Assert.Equal(1, await grain.MaxSegmentsAtOnce());
    }

    [Fact]
    public async Task Running_background_work_keeps_the_activation_from_idle_collection()
    {
        await using var silo = await Silos.StartAsync(options => options.CollectionAgeByGrainType["background"] = TimeSpan.FromMinutes(5));
        var grain = silo.GetGrain<IBackgroundGrain>("kept");
        await grain.StartWaiting("work");
        await silo.Events().WaitFor("background-started:work").WaitOrFail("the background work to start");

        silo.Time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(0, silo.Events().Count("deactivated:kept:IdleTimeout"));
        silo.Gates().Open("work");
        await silo.Events().WaitFor("background-done:work").WaitOrFail("the background work to finish");
        silo.Time.Advance(TimeSpan.FromMinutes(6));

        await silo.Events().WaitFor("deactivated:kept:IdleTimeout").WaitOrFail("idle collection after the work ended");
    }

    [Fact]
    public async Task Background_work_is_cancelled_when_the_silo_stops()
    {
        await using var silo = await Silos.StartAsync(options => options.ShutdownGracePeriod = TimeSpan.Zero);
        await silo.GetGrain<IBackgroundGrain>("stopping").StartWaiting("never");
        await silo.Events().WaitFor("background-started:never").WaitOrFail("the background work to start");

        await silo.StopAsync().WaitOrFail("the silo to stop");

        Assert.Equal(1, silo.Events().Count("background-cancelled:never"));
        Assert.Equal(1, silo.Events().Count("deactivated:stopping:ShuttingDown"));
    }
}
