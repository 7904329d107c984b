using Silo.Invocation;
using Silo.Runtime.Tests.Grains;
using Silo.Runtime.Tests.Support;
using Silo.Testing;

namespace Silo.Runtime.Tests;

/// <summary>Activation on first call, deactivation when idle or evicted, and what survives it.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task An_idle_activation_is_deactivated_at_its_age_and_reactivates_with_its_persisted_state()
    {
        await using var silo = await Silos.StartAsync(options =>
        {
            options.CollectionAgeByGrainType["probe"] = TimeSpan.FromMinutes(5);
            options.CollectionQuantum = TimeSpan.FromMinutes(1);
        });
        var grain = silo.GetGrain<IProbeGrain>("idle");
        await grain.Save(42);

        silo.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, silo.Events().Count("deactivated:idle:IdleTimeout"));
        silo.Time.Advance(TimeSpan.FromMinutes(1));
        await silo.Events().WaitFor("deactivated:idle:IdleTimeout").WaitOrFail("idle collection at five minutes");
        await silo.WhenDeactivated(IdOf(grain)).WaitOrFail("the deactivation to finish");

        Assert.Equal(42, await grain.Load());
        Assert.Equal(2, silo.Events().Count("activated:idle"));
    }

    [Fact]
    public async Task Use_restarts_the_idle_clock()
    {
        await using var silo = await Silos.StartAsync(options => options.CollectionAgeByGrainType["probe"] = TimeSpan.FromMinutes(5));
        var grain = silo.GetGrain<IProbeGrain>("used");
        await grain.Ping();

        for (var minute = 0; minute < 12; minute++)
        {
            silo.Time.Advance(TimeSpan.FromMinutes(1));
            await grain.Ping();
        }

        Assert.Equal(0, silo.Events().Count("deactivated:used:IdleTimeout"));
        Assert.Equal(1, silo.Events().Count("activated:used"));
    }

    [Fact]
    public async Task Over_the_activation_limit_the_least_recently_used_idle_activation_is_evicted_and_busy_ones_never()
    {
        await using var silo = await Silos.StartAsync(options => options.MaxActivations = 2);
        var busy = silo.GetGrain<IProbeGrain>("busy-oldest");
        var waiting = busy.WaitAtGate("hold-busy");
        await silo.Events().WaitFor("entered:hold-busy").WaitOrFail("the busy grain to start");
        silo.Time.Advance(TimeSpan.FromSeconds(10));
        await silo.GetGrain<IProbeGrain>("idle-older").Ping();
        silo.Time.Advance(TimeSpan.FromSeconds(10));

        await silo.GetGrain<IProbeGrain>("idle-newest").Ping();
        await silo.Events().WaitFor("deactivated:idle-older:ActivationLimitExceeded").WaitOrFail("the eviction");
        await silo.LastEvictionPass.WaitOrFail("the eviction pass");

        Assert.Equal(0, silo.Events().Count("deactivated:busy-oldest:ActivationLimitExceeded"));
        Assert.Equal(0, silo.Events().Count("deactivated:idle-newest:ActivationLimitExceeded"));
        Assert.True(silo.IsActive(IdOf(busy)));
        silo.Gates().Open("hold-busy");
        await waiting.WaitOrFail("the busy call");
    }

    [Fact]
    public async Task A_failing_activation_fails_its_waiting_calls_and_the_next_call_activates_again()
    {
        await using var silo = await Silos.StartAsync();
        var faults = silo.Services.GetService(typeof(ActivationFaults)) as ActivationFaults;
        faults!.Fail("flaky", "database unreachable");
        var grain = silo.GetGrain<IProbeGrain>("flaky");

        var error = await Assert.ThrowsAsync<GrainActivationException>(() => grain.Ping().WaitOrFail("the failed activation"));
        Assert.Contains("probe/flaky", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Equal("database unreachable", error.InnerException!.Message);
        Assert.False(silo.IsActive(IdOf(grain)));

        faults.Clear("flaky");
        Assert.Equal("pong:flaky", await grain.Ping().WaitOrFail("the second activation"));
    }

    [Fact]
    public async Task DeactivateOnIdle_deactivates_after_the_current_call()
    {
        await using var silo = await Silos.StartAsync();
        var grain = silo.GetGrain<IProbeGrain>("leaving");

        await grain.DeactivateSoon();
        await silo.Events().WaitFor("deactivated:leaving:ApplicationRequested").WaitOrFail("the requested deactivation");

        Assert.Equal("pong:leaving", await grain.Ping());
        Assert.Equal(2, silo.Events().Count("activated:leaving"));
    }

    [Fact]
    public async Task A_grain_exception_reaches_the_caller_with_its_type_and_message_and_the_activation_survives()
    {
        await using var silo = await Silos.StartAsync();
        var grain = silo.GetGrain<IProbeGrain>("thrower");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Fail("the grain says no"));

        Assert.Equal("the grain says no", error.Message);
        Assert.Equal("pong:thrower", await grain.Ping());
        Assert.Equal(1, silo.Events().Count("activated:thrower"));
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("bell\u0007", "control character U+0007 at index 4")]
    [InlineData("line\nbreak", "control character U+000A at index 4")]
    public async Task Bad_grain_keys_are_rejected_with_a_clear_error(string key, string expected)
    {
        await using var silo = await Silos.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => silo.GetGrain<IProbeGrain>(key));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_longer_than_512_characters_are_rejected_and_512_is_accepted()
    {
        await using var silo = await Silos.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => silo.GetGrain<IProbeGrain>(new string('k', 513)));

        Assert.Contains("513 characters long; the limit is 512", error.Message, StringComparison.Ordinal);
        var longest = new string('k', 512);
        Assert.Equal($"pong:{longest}", await silo.GetGrain<IProbeGrain>(longest).Ping());
        Assert.Equal("pong:ルミナ 🌙", await silo.GetGrain<IProbeGrain>("ルミナ 🌙").Ping());
    }

    private static GrainId IdOf(object grain) => ((GrainReference)grain).GrainId;
}
