using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Silo.Reminders;
using Silo.Runtime.Tests.Grains;
using Silo.Runtime.Tests.Storage;
using Silo.Testing;

namespace Silo.Runtime.Tests.Reminders;

/// <summary>Reminders stored in SQLite fire on a second silo that opens the same file, on their original schedule.</summary>
public sealed class ReminderRestartTests
{
    private const string GrainKey = "probe";
    private static readonly GrainId s_grainId = GrainId.Create(ReminderProbeGrain.TypeName, GrainKey);
    private static readonly DateTimeOffset s_t0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_period = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan s_halfPeriod = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_reminder_registered_before_a_restart_fires_once_per_period_after_it()
    {
        using var file = new TemporaryDatabaseFile();
        await RegisterAndStopWithoutTicksAsync(file.Path);
        var log = new ReminderTickLog();
        var time = new ManualTimeProvider(s_t0);
        await using var silo = await StartSiloAsync(file.Path, log, time);
        var grain = silo.GetGrain<IReminderProbeGrain>(GrainKey);

        await AdvanceAndExpectAsync(time, grain, log, s_halfPeriod, expectedTicks: 0);
        await AdvanceAndExpectAsync(time, grain, log, s_halfPeriod, expectedTicks: 1);
        await AdvanceAndExpectAsync(time, grain, log, s_halfPeriod, expectedTicks: 1);
        await AdvanceAndExpectAsync(time, grain, log, s_halfPeriod, expectedTicks: 2);
        await AdvanceAndExpectAsync(time, grain, log, s_period, expectedTicks: 3);

        AssertSchedule(log, s_t0 + s_period, s_t0 + (2 * s_period), s_t0 + (3 * s_period));
    }

    [Fact]
    public async Task A_silo_that_restarts_late_does_not_replay_missed_ticks_and_keeps_the_schedule()
    {
        using var file = new TemporaryDatabaseFile();
        await RegisterAndStopWithoutTicksAsync(file.Path);
        var log = new ReminderTickLog();

        // Ten ticks (T0+1m … T0+10m) fell while no silo ran; the next one is due at T0+11m.
        var time = new ManualTimeProvider(s_t0 + TimeSpan.FromMinutes(10) + s_halfPeriod);
        await using var silo = await StartSiloAsync(file.Path, log, time);
        var grain = silo.GetGrain<IReminderProbeGrain>(GrainKey);
        Assert.False(silo.IsActive(s_grainId));

        // The tick itself activates the grain.
        await AdvanceAndExpectAsync(time, grain, log, s_halfPeriod, expectedTicks: 1);
        await AdvanceAndExpectAsync(time, grain, log, s_halfPeriod, expectedTicks: 1);
        await AdvanceAndExpectAsync(time, grain, log, s_halfPeriod, expectedTicks: 2);

        AssertSchedule(log, s_t0 + TimeSpan.FromMinutes(11), s_t0 + TimeSpan.FromMinutes(12));
    }

    [Fact]
    public async Task Registering_a_period_under_one_minute_throws_and_stores_nothing()
    {
        using var file = new TemporaryDatabaseFile();
        await using var silo = await StartSiloAsync(file.Path, new ReminderTickLog(), new ManualTimeProvider(s_t0));
        var grain = silo.GetGrain<IReminderProbeGrain>(GrainKey);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => grain.Schedule(s_period, s_period - TimeSpan.FromMilliseconds(1)));

        Assert.Equal("period", error.ParamName);
        Assert.Empty(await silo.Services.GetRequiredService<IReminderTable>().ReadAllAsync(CancellationToken.None));
        await grain.Schedule(s_period, s_period);
        Assert.Single(await silo.Services.GetRequiredService<IReminderTable>().ReadAllAsync(CancellationToken.None));
    }

    /// <summary>Silo 1: registers the reminder (due in one period, every period) at T0 and stops before it fires.</summary>
    private static async Task RegisterAndStopWithoutTicksAsync(string path)
    {
        var log = new ReminderTickLog();
        var silo = await StartSiloAsync(path, log, new ManualTimeProvider(s_t0));
        try
        {
            await silo.GetGrain<IReminderProbeGrain>(GrainKey).Schedule(s_period, s_period);
        }
        finally
        {
            await silo.DisposeAsync();
        }

        Assert.Empty(log.Ticks);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM silo_reminders;";
        Assert.Equal(1L, count.ExecuteScalar());
    }

    private static Task<TestSilo> StartSiloAsync(string path, ReminderTickLog log, ManualTimeProvider time) =>
        TestSilo.StartAsync(
            b => b.AddGrain<ReminderProbeGrain>().UseSqlite(o => o.Path = path),
            services => services.AddSingleton(log),
            time);

    /// <summary>Advances the clock, then asserts the exact tick count once every tick due by now has been handled.</summary>
    private static async Task AdvanceAndExpectAsync(ManualTimeProvider time, IReminderProbeGrain grain, ReminderTickLog log, TimeSpan by, int expectedTicks)
    {
        time.Advance(by);
        await log.WhenCount(expectedTicks).WaitOrFail($"{expectedTicks} reminder tick(s) by {time.GetUtcNow():O}");

        // Ticks are dispatched while Advance runs and turns run in order, so a call returning means none is pending.
        await grain.Ping().WaitOrFail("a call queued behind any pending tick");
        Assert.Equal(expectedTicks, log.Ticks.Count);
    }

    private static void AssertSchedule(ReminderTickLog log, params DateTimeOffset[] expectedTickTimes)
    {
        Assert.Equal(expectedTickTimes, log.Ticks.Select(t => t.Status.CurrentTickTime));
        Assert.All(log.Ticks, tick =>
        {
            Assert.Equal(ReminderProbeGrain.ReminderName, tick.ReminderName);
            Assert.Equal(s_grainId, tick.GrainId);
            Assert.Equal(s_t0 + s_period, tick.Status.FirstTickTime);
            Assert.Equal(s_period, tick.Status.Period);
        });
    }
}
