using LlmMultiChat.Grains.Users;

namespace LlmMultiChat.Grains.Tests.Users;

public sealed class PasswordChangeTests
{
    private const string NewPassword = "Brand-new-pass-2";

    [Fact]
    public async Task Changing_the_password_closes_every_other_session_and_opens_one_for_the_caller()
    {
        await using var harness = await AccountHarness.StartAsync();
        var alice = await harness.RegisterAsync("alice");
        var other = await harness.LoginAsync("alice");

        var changed = await harness.User(alice.Id).ChangePassword(AccountHarness.Password, NewPassword);

        Assert.Equal(SessionOutcome.Opened, changed.Outcome);
        var user = harness.User(alice.Id);
        Assert.False(await user.IsSessionValid(other.SecurityStamp, other.SessionId));
        Assert.True(await user.IsSessionValid(changed.Session!.SecurityStamp, changed.Session.SessionId));
        Assert.Equal(SessionOutcome.InvalidCredentials, (await harness.Accounts.LoginAsync("alice", AccountHarness.Password)).Outcome);
        await harness.LoginAsync("alice", NewPassword);
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing_and_counts_toward_the_lockout()
    {
        await using var harness = await AccountHarness.StartAsync(new Dictionary<string, string?> { ["Auth:MaxFailedLogins"] = "2" });
        var alice = await harness.RegisterAsync("alice");
        var user = harness.User(alice.Id);

        Assert.Equal(SessionOutcome.InvalidCredentials, (await user.ChangePassword("Wrong-password-1", NewPassword)).Outcome);
        Assert.Equal(SessionOutcome.LockedOut, (await user.ChangePassword("Wrong-password-1", NewPassword)).Outcome);

        harness.Time.Advance(TimeSpan.FromMinutes(15));
        await harness.LoginAsync("alice");
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_before_anything_is_checked()
    {
        await using var harness = await AccountHarness.StartAsync();
        var alice = await harness.RegisterAsync("alice");

        await Assert.ThrowsAsync<ArgumentException>(() => harness.User(alice.Id).ChangePassword(AccountHarness.Password, "weak"));

        await harness.LoginAsync("alice");
    }

    [Fact]
    public async Task A_reset_token_sets_a_new_password_once_unlocks_the_account_and_closes_its_sessions()
    {
        await using var harness = await AccountHarness.StartAsync();
        var alice = await harness.RegisterAsync("alice");
        var session = await harness.LoginAsync("alice");
        for (var i = 0; i < 5; i++)
        {
            await harness.Accounts.LoginAsync("alice", "Wrong-password-1");
        }

        var reset = await harness.User(alice.Id).CreatePasswordResetToken();

        Assert.Equal(harness.Time.GetUtcNow().AddMinutes(60), reset.ExpiresAt);
        Assert.True(await harness.Accounts.ResetPasswordAsync(reset.Token, NewPassword));
        Assert.False(await harness.Accounts.ResetPasswordAsync(reset.Token, "Another-pass-3"));
        Assert.False(await harness.User(alice.Id).IsSessionValid(session.SecurityStamp, session.SessionId));
        await harness.LoginAsync("alice", NewPassword);
    }

    [Fact]
    public async Task Expired_superseded_and_made_up_reset_tokens_do_nothing()
    {
        await using var harness = await AccountHarness.StartAsync();
        var alice = await harness.RegisterAsync("alice");
        var user = harness.User(alice.Id);

        var superseded = await user.CreatePasswordResetToken();
        var expiring = await user.CreatePasswordResetToken();
        harness.Time.Advance(TimeSpan.FromMinutes(60));

        Assert.False(await harness.Accounts.ResetPasswordAsync(superseded.Token, NewPassword));
        Assert.False(await harness.Accounts.ResetPasswordAsync(expiring.Token, NewPassword));
        Assert.False(await harness.Accounts.ResetPasswordAsync($"{alice.Id}.made-up", NewPassword));
        Assert.False(await harness.Accounts.ResetPasswordAsync("no-separator", NewPassword));
        await harness.LoginAsync("alice");
    }
}
