using LlmMultiChat.Grains.Tests.Support;
using LlmMultiChat.Grains.Users;

namespace LlmMultiChat.Grains.Tests.Users;

public sealed class RegistrationTests
{
    [Fact]
    public async Task The_first_account_becomes_admin_and_later_ones_are_users()
    {
        await using var harness = await AccountHarness.StartAsync();

        var first = await harness.RegisterAsync("alice");
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await harness.RegisterAsync("bob");

        Assert.Equal([Roles.Admin], first.Roles);
        Assert.Equal([Roles.User], second.Roles);
        Assert.True(second.IsActive);
        var page = await harness.Directory.List(0, 10);
        Assert.Equal(2, page.Total);
        Assert.Equal(["alice", "bob"], page.Users.Select(u => u.Username));
    }

    [Fact]
    public async Task With_FirstUserIsAdmin_off_the_first_account_is_a_plain_user()
    {
        await using var harness = await AccountHarness.StartAsync(new Dictionary<string, string?> { ["Auth:FirstUserIsAdmin"] = "false" });

        Assert.Equal([Roles.User], (await harness.RegisterAsync("alice")).Roles);
    }

    [Theory]
    [InlineData("ALICE", "other@example.com", NameClaim.UsernameTaken)]
    [InlineData("carol", "Alice@Example.COM", NameClaim.EmailTaken)]
    public async Task A_taken_username_or_email_in_any_case_is_refused_and_nothing_is_created(string username, string email, NameClaim expected)
    {
        await using var harness = await AccountHarness.StartAsync();
        await harness.RegisterAsync("alice");

        var result = await harness.Accounts.RegisterAsync(username, email, AccountHarness.Password);

        Assert.Equal((expected, (UserProfile?)null), (result.Claim, result.User));
        Assert.Equal(1, (await harness.Directory.List(0, 10)).Total);
    }

    [Theory]
    [InlineData("al", "al@example.com", AccountHarness.Password)]
    [InlineData("al ice", "alice@example.com", AccountHarness.Password)]
    [InlineData("alice", "not-an-email", AccountHarness.Password)]
    [InlineData("alice\n", "alice@example.com", AccountHarness.Password)]
    [InlineData("alice", "alice@example.com\n", AccountHarness.Password)]
    [InlineData("alice", "alice@example.com", "short1A")]
    [InlineData("alice", "alice@example.com", "alllowercase1")]
    [InlineData("alice", "alice@example.com", "ALLUPPERCASE1")]
    [InlineData("alice", "alice@example.com", "NoDigitsHere")]
    public async Task Usernames_emails_and_passwords_that_break_the_rules_are_refused(string username, string email, string password)
    {
        await using var harness = await AccountHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Accounts.RegisterAsync(username, email, password));

        Assert.Equal(0, (await harness.Directory.List(0, 10)).Total);
    }

    [Fact]
    public async Task When_the_account_cannot_be_stored_its_names_are_freed_again()
    {
        var storage = new FailingWritesStorage();
        await using var harness = await AccountHarness.StartAsync(storage: storage);
        await harness.RegisterAsync("alice");
        storage.FailWrites = true;

        await Assert.ThrowsAnyAsync<Exception>(() => harness.Accounts.RegisterAsync("bob", "bob@example.com", AccountHarness.Password));
        storage.FailWrites = false;

        Assert.Null(await harness.Directory.Resolve("bob"));
        Assert.NotNull((await harness.Accounts.RegisterAsync("bob", "bob@example.com", AccountHarness.Password)).User);
    }
}
