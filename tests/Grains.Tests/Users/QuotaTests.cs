using LlmMultiChat.Grains.Users;

namespace LlmMultiChat.Grains.Tests.Users;

public sealed class QuotaTests
{
    [Fact]
    public async Task Usage_adds_up_within_a_UTC_day_and_starts_again_the_next()
    {
        await using var harness = await AccountHarness.StartAsync(new Dictionary<string, string?> { ["Quotas:DailyTokens:user"] = "100" });
        await harness.RegisterAsync("admin");
        var bob = harness.User((await harness.RegisterAsync("bob")).Id);
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.Zero));

        await bob.RecordTokenUsage(60);
        await bob.RecordTokenUsage(50);

        var today = await bob.Quota();
        Assert.Equal((100L, 110L, 0L, true), (today.Limit, today.Used, today.Remaining, today.IsExhausted));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), today.ResetsAt);

        harness.Time.Advance(TimeSpan.FromHours(1));
        var tomorrow = await bob.Quota();
        Assert.Equal((0L, 100L, false), (tomorrow.Used, tomorrow.Remaining, tomorrow.IsExhausted));
    }

    [Fact]
    public async Task The_largest_role_quota_applies_admins_are_unlimited_and_an_override_wins()
    {
        await using var harness = await AccountHarness.StartAsync();
        var admin = harness.User((await harness.RegisterAsync("admin")).Id);
        var bob = harness.User((await harness.RegisterAsync("bob")).Id);

        Assert.Null((await admin.Quota()).Limit);
        Assert.Equal(200_000, (await bob.Quota()).Limit);

        await bob.Update(new AccountUpdate(Roles: [Roles.User, Roles.Premium]));
        Assert.Equal(2_000_000, (await bob.Quota()).Limit);

        await bob.Update(new AccountUpdate(DailyTokenQuota: 10));
        Assert.Equal(10, (await bob.Quota()).Limit);

        await bob.Update(new AccountUpdate(DailyTokenQuota: -1));
        Assert.Null((await bob.Quota()).Limit);

        await bob.Update(new AccountUpdate(ClearQuotaOverride: true));
        Assert.Equal(2_000_000, (await bob.Quota()).Limit);
    }

    [Fact]
    public async Task A_quota_for_a_role_that_does_not_exist_stops_the_host_at_startup()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => AccountHarness.StartAsync(new Dictionary<string, string?> { ["Quotas:DailyTokens:superuser"] = "5" }));

        Assert.Contains("Quotas:DailyTokens:superuser", failure.Message, StringComparison.Ordinal);
    }
}
