using LlmMultiChat.Grains.Users;

namespace LlmMultiChat.Grains.Tests.Users;

public sealed class AccountAdministrationTests
{
    [Fact]
    public async Task Changing_roles_retires_existing_access_tokens_and_a_refresh_picks_up_the_new_roles()
    {
        await using var harness = await AccountHarness.StartAsync();
        await harness.RegisterAsync("admin");
        var bob = await harness.RegisterAsync("bob");
        var session = await harness.LoginAsync("bob");

        var updated = await harness.User(bob.Id).Update(new AccountUpdate(Roles: [Roles.Premium, Roles.Operator]));

        Assert.Equal([Roles.Premium, Roles.Operator], updated.Roles);
        Assert.False(await harness.User(bob.Id).IsSessionValid(session.SecurityStamp, session.SessionId));
        var refreshed = (await harness.Accounts.RefreshAsync(session.RefreshToken.Token)).Session!;
        Assert.Equal([Roles.Premium, Roles.Operator], refreshed.User.Roles);
        Assert.True(await harness.User(bob.Id).IsSessionValid(refreshed.SecurityStamp, refreshed.SessionId));
        Assert.Equal([Roles.Premium, Roles.Operator], (await harness.Directory.List(0, 10)).Users.Single(u => u.Id == bob.Id).Roles);
    }

    [Theory]
    [InlineData("")]
    [InlineData("superuser")]
    [InlineData("user,superuser")]
    public async Task Unknown_or_missing_roles_are_refused(string roleList)
    {
        var roles = roleList.Split(',', StringSplitOptions.RemoveEmptyEntries);
        await using var harness = await AccountHarness.StartAsync();
        var alice = await harness.RegisterAsync("alice");

        await Assert.ThrowsAsync<ArgumentException>(() => harness.User(alice.Id).Update(new AccountUpdate(Roles: roles)));

        Assert.Equal([Roles.Admin], (await harness.User(alice.Id).Profile())!.Roles);
    }

    [Fact]
    public async Task Updating_an_unknown_account_fails()
    {
        await using var harness = await AccountHarness.StartAsync();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => harness.User("nobody").Update(new AccountUpdate(IsActive: false)));
        Assert.Null(await harness.User("nobody").Profile());
    }

    [Fact]
    public async Task A_deleted_account_frees_its_names_and_its_sessions_stop_working()
    {
        await using var harness = await AccountHarness.StartAsync();
        var alice = await harness.RegisterAsync("alice");
        var session = await harness.LoginAsync("alice");

        await harness.User(alice.Id).Delete();

        Assert.Null(await harness.User(alice.Id).Profile());
        Assert.False(await harness.User(alice.Id).IsSessionValid(session.SecurityStamp, session.SessionId));
        Assert.Equal(SessionOutcome.InvalidCredentials, (await harness.Accounts.RefreshAsync(session.RefreshToken.Token)).Outcome);
        Assert.NotNull((await harness.Accounts.RegisterAsync("alice", "alice@example.com", AccountHarness.Password)).User);
    }

    [Fact]
    public async Task A_deleted_account_forgets_its_dialogue_style()
    {
        await using var harness = await AccountHarness.StartAsync();
        var alice = await harness.RegisterAsync("alice");
        var adapted = await harness.User(alice.Id).AdaptStyle("専門用語が多すぎる");

        await harness.User(alice.Id).Delete();

        Assert.Equal(0.35, adapted.TechnicalLevel, 10);
        Assert.Equal(0.5, (await harness.User(alice.Id).Style()).TechnicalLevel, 10);
    }

    [Fact]
    public async Task The_directory_pages_accounts_in_creation_order()
    {
        await using var harness = await AccountHarness.StartAsync();
        foreach (var name in new[] { "ann", "ben", "cat", "dan" })
        {
            await harness.RegisterAsync(name);
            harness.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var page = await harness.Directory.List(1, 2);

        Assert.Equal(4, page.Total);
        Assert.Equal(["ben", "cat"], page.Users.Select(u => u.Username));
    }
}
