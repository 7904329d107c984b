using Silo.Runtime.Tests.Grains;
using Silo.Runtime.Tests.Support;
using Silo.Testing;

namespace Silo.Runtime.Tests;

/// <summary>Stopping a silo: no new calls, in-flight calls finish (or are cancelled after the grace period), every grain deactivates, storage last.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task While_stopping_new_calls_are_refused_and_an_in_flight_call_finishes_with_its_result()
    {
        await using var silo = await Silos.StartAsync();
        var grain = silo.GetGrain<IProbeGrain>("inflight");
        await silo.GetGrain<IProbeGrain>("idle").Ping();
        var inFlight = grain.WaitAtGate("finish");
        await silo.Events().WaitFor("entered:finish").WaitOrFail("the in-flight call");

        var stopping = silo.StopAsync();
        await Assert.ThrowsAsync<SiloUnavailableException>(() => silo.GetGrain<IProbeGrain>("new").Ping());
        Assert.False(stopping.IsCompleted, "stopping waits for the in-flight call");
        silo.Gates().Open("finish");

        Assert.Equal("passed:finish", await inFlight.WaitOrFail("the in-flight call to finish"));
        await stopping.WaitOrFail("the silo to stop");
        Assert.Equal(1, silo.Events().Count("deactivated:inflight:ShuttingDown"));
        Assert.Equal(1, silo.Events().Count("deactivated:idle:ShuttingDown"));
        Assert.Equal(0, silo.Events().Count("activated:new"));
    }

    [Fact]
    public async Task After_the_grace_period_an_in_flight_call_is_cancelled_through_its_token()
    {
        await using var silo = await Silos.StartAsync(options => options.ShutdownGracePeriod = TimeSpan.Zero);
        var call = silo.GetGrain<IProbeGrain>("stuck").WaitForCancellation(CancellationToken.None);
        await silo.Events().WaitFor("waiting-for-cancellation:stuck").WaitOrFail("the call to start");

        await silo.StopAsync().WaitOrFail("the silo to stop");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitOrFail("the cancelled call"));
        Assert.Equal(1, silo.Events().Count("cancelled:stuck:True"));
    }

    [Fact]
    public async Task State_written_while_grains_deactivate_is_in_storage_after_a_restart()
    {
        using var database = new TemporaryDatabaseFile();
        await using (var first = await Silos.StartAsync(silo: b => b.UseSqlite(o => o.Path = database.Path)))
        {
            await first.GetGrain<IDraftGrain>("d").SetDraft("下書き: saved on the way down");
        }

        await using var second = await Silos.StartAsync(silo: b => b.UseSqlite(o => o.Path = database.Path));

        Assert.Equal("下書き: saved on the way down", await second.GetGrain<IDraftGrain>("d").SavedDraft());
    }
}
