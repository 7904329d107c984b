using LlmMultiChat.Grains.Users;

namespace LlmMultiChat.Grains.Tests.Users;

/// <summary>Refresh-token rotation, reuse detection, expiry and logout.</summary>
public sealed class SessionTests
{
    [Fact]
    public async Task A_refresh_rotates_the_token_and_keeps_the_session()
    {
        await using var harness = await AccountHarness.StartAsync();
        await harness.RegisterAsync("alice");
        var login = await harness.LoginAsync("alice");
        harness.Time.Advance(TimeSpan.FromDays(1));

        var refreshed = await harness.Accounts.RefreshAsync(login.RefreshToken.Token);

        Assert.Equal(SessionOutcome.Opened, refreshed.Outcome);
        var session = refreshed.Session!;
        Assert.Equal(login.SessionId, session.SessionId);
        Assert.NotEqual(login.RefreshToken.Token, session.RefreshToken.Token);
        Assert.Equal(harness.Time.GetUtcNow().AddDays(30), session.RefreshToken.ExpiresAt);
        Assert.Equal(SessionOutcome.Opened, (await harness.Accounts.RefreshAsync(session.RefreshToken.Token)).Outcome);
    }

    [Fact]
    public async Task Presenting_a_rotated_token_revokes_the_whole_session()
    {
        await using var harness = await AccountHarness.StartAsync();
        var alice = await harness.RegisterAsync("alice");
        var login = await harness.LoginAsync("alice");
        var current = (await harness.Accounts.RefreshAsync(login.RefreshToken.Token)).Session!;

        var replay = await harness.Accounts.RefreshAsync(login.RefreshToken.Token);

        Assert.Equal(SessionOutcome.TokenReused, replay.Outcome);
        Assert.Equal(SessionOutcome.SessionClosed, (await harness.Accounts.RefreshAsync(current.RefreshToken.Token)).Outcome);
        Assert.False(await harness.User(alice.Id).IsSessionValid(current.SecurityStamp, current.SessionId));
    }

    [Fact]
    public async Task A_forged_token_for_a_real_session_is_refused_without_harming_the_session()
    {
        await using var harness = await AccountHarness.StartAsync();
        await harness.RegisterAsync("alice");
        var login = await harness.LoginAsync("alice");
        Assert.True(RefreshToken.TryParse(login.RefreshToken.Token, out var token));

        var forged = RefreshToken.Format(token.UserId, token.SessionId, token.Generation, "not-the-secret");
        var ahead = RefreshToken.Format(token.UserId, token.SessionId, token.Generation + 5, "not-the-secret");

        Assert.Equal(SessionOutcome.InvalidCredentials, (await harness.Accounts.RefreshAsync(forged)).Outcome);
        Assert.Equal(SessionOutcome.InvalidCredentials, (await harness.Accounts.RefreshAsync(ahead)).Outcome);
        Assert.Equal(SessionOutcome.Opened, (await harness.Accounts.RefreshAsync(login.RefreshToken.Token)).Outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("a.b.notanumber.d")]
    [InlineData("unknown-user.session.1.secret")]
    public async Task Malformed_and_unknown_tokens_are_invalid_credentials(string token)
    {
        await using var harness = await AccountHarness.StartAsync();

        Assert.Equal(SessionOutcome.InvalidCredentials, (await harness.Accounts.RefreshAsync(token)).Outcome);
    }

    [Fact]
    public async Task A_refresh_token_unused_for_thirty_days_has_expired()
    {
        await using var harness = await AccountHarness.StartAsync();
        await harness.RegisterAsync("alice");
        var login = await harness.LoginAsync("alice");

        harness.Time.Advance(TimeSpan.FromDays(30));

        Assert.Equal(SessionOutcome.SessionClosed, (await harness.Accounts.RefreshAsync(login.RefreshToken.Token)).Outcome);
    }

    [Fact]
    public async Task Logout_closes_the_session_and_only_that_one()
    {
        await using var harness = await AccountHarness.StartAsync();
        var alice = await harness.RegisterAsync("alice");
        var phone = await harness.LoginAsync("alice");
        var laptop = await harness.LoginAsync("alice");

        await harness.Accounts.LogoutAsync(phone.RefreshToken.Token);

        var user = harness.User(alice.Id);
        Assert.False(await user.IsSessionValid(phone.SecurityStamp, phone.SessionId));
        Assert.True(await user.IsSessionValid(laptop.SecurityStamp, laptop.SessionId));
        Assert.Equal(SessionOutcome.SessionClosed, (await harness.Accounts.RefreshAsync(phone.RefreshToken.Token)).Outcome);
        await harness.Accounts.LogoutAsync("garbage");
    }

    [Fact]
    public void A_token_prints_without_its_secret()
    {
        Assert.True(RefreshToken.TryParse("user.session.3.the-secret", out var token));

        Assert.DoesNotContain("the-secret", token.ToString(), StringComparison.Ordinal);
    }
}
