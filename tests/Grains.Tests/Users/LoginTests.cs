using LlmMultiChat.Grains.Users;

namespace LlmMultiChat.Grains.Tests.Users;

public sealed class LoginTests
{
    [Theory]
    [InlineData("alice")]
    [InlineData("ALICE")]
    [InlineData("Alice@Example.com")]
    public async Task An_account_logs_in_by_username_or_email_in_any_case(string login)
    {
        await using var harness = await AccountHarness.StartAsync();
        var alice = await harness.RegisterAsync("alice");

        var session = await harness.LoginAsync(login);

        Assert.Equal(alice.Id, session.User.Id);
        Assert.Equal(harness.Time.GetUtcNow(), session.User.LastLoginAt);
        Assert.Equal(harness.Time.GetUtcNow().AddDays(30), session.RefreshToken.ExpiresAt);
        Assert.True(await harness.User(alice.Id).IsSessionValid(session.SecurityStamp, session.SessionId));
    }

    [Theory]
    [InlineData("alice", "Wrong-password-1")]
    [InlineData("nobody", AccountHarness.Password)]
    [InlineData("alice", "")]
    public async Task A_wrong_password_and_an_unknown_account_fail_the_same_way(string login, string password)
    {
        await using var harness = await AccountHarness.StartAsync();
        await harness.RegisterAsync("alice");

        var result = await harness.Accounts.LoginAsync(login, password);

        Assert.Equal((SessionOutcome.InvalidCredentials, (OpenSession?)null), (result.Outcome, result.Session));
    }

    [Fact]
    public async Task Five_failures_in_a_row_lock_the_account_for_fifteen_minutes_even_against_the_right_password()
    {
        await using var harness = await AccountHarness.StartAsync();
        await harness.RegisterAsync("alice");

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(SessionOutcome.InvalidCredentials, (await harness.Accounts.LoginAsync("alice", "Wrong-password-1")).Outcome);
        }

        var fifth = await harness.Accounts.LoginAsync("alice", "Wrong-password-1");
        Assert.Equal((SessionOutcome.LockedOut, harness.Time.GetUtcNow().AddMinutes(15)), (fifth.Outcome, fifth.LockedUntil));
        Assert.Equal(SessionOutcome.LockedOut, (await harness.Accounts.LoginAsync("alice", AccountHarness.Password)).Outcome);

        harness.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(SessionOutcome.Opened, (await harness.Accounts.LoginAsync("alice", AccountHarness.Password)).Outcome);
    }

    [Fact]
    public async Task A_successful_login_forgets_earlier_failures()
    {
        await using var harness = await AccountHarness.StartAsync();
        await harness.RegisterAsync("alice");
        for (var i = 0; i < 4; i++)
        {
            await harness.Accounts.LoginAsync("alice", "Wrong-password-1");
        }

        await harness.LoginAsync("alice");

        Assert.Equal(SessionOutcome.InvalidCredentials, (await harness.Accounts.LoginAsync("alice", "Wrong-password-1")).Outcome);
    }

    [Fact]
    public async Task Concurrent_guesses_cannot_outrun_the_lockout()
    {
        await using var harness = await AccountHarness.StartAsync();
        await harness.RegisterAsync("alice");

        var guesses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => harness.Accounts.LoginAsync("alice", $"Guess-number-{i}")));

        Assert.Equal(4, guesses.Count(g => g.Outcome == SessionOutcome.InvalidCredentials));
        Assert.Equal(16, guesses.Count(g => g.Outcome == SessionOutcome.LockedOut));
    }

    [Fact]
    public async Task A_deactivated_account_is_told_so_only_when_its_password_is_right_and_its_sessions_end()
    {
        await using var harness = await AccountHarness.StartAsync();
        var alice = await harness.RegisterAsync("alice");
        var session = await harness.LoginAsync("alice");

        await harness.User(alice.Id).Update(new AccountUpdate(IsActive: false));

        Assert.Equal(SessionOutcome.Inactive, (await harness.Accounts.LoginAsync("alice", AccountHarness.Password)).Outcome);
        Assert.Equal(SessionOutcome.InvalidCredentials, (await harness.Accounts.LoginAsync("alice", "Wrong-password-1")).Outcome);
        Assert.False(await harness.User(alice.Id).IsSessionValid(session.SecurityStamp, session.SessionId));
        Assert.Equal(SessionOutcome.SessionClosed, (await harness.Accounts.RefreshAsync(session.RefreshToken.Token)).Outcome);
    }

    [Fact]
    public async Task Opening_more_sessions_than_allowed_closes_the_oldest()
    {
        await using var harness = await AccountHarness.StartAsync(new Dictionary<string, string?> { ["Auth:MaxSessionsPerUser"] = "2" });
        var alice = await harness.RegisterAsync("alice");
        var first = await harness.LoginAsync("alice");
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await harness.LoginAsync("alice");
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var third = await harness.LoginAsync("alice");

        var user = harness.User(alice.Id);
        Assert.False(await user.IsSessionValid(first.SecurityStamp, first.SessionId));
        Assert.True(await user.IsSessionValid(second.SecurityStamp, second.SessionId));
        Assert.True(await user.IsSessionValid(third.SecurityStamp, third.SessionId));
    }
}
