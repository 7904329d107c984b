using LlmMultiChat.Grains.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LlmMultiChat.Grains.Tests.Users;

public sealed class PasswordHashingTests
{
    private readonly PasswordHashing _hashing = new(Options.Create(new PasswordHasherOptions { IterationCount = 1000 }));

    [Fact]
    public void A_hash_does_not_contain_the_password_is_salted_and_verifies_only_the_right_password()
    {
        var first = _hashing.Hash(AccountHarness.Password);
        var second = _hashing.Hash(AccountHarness.Password);

        Assert.DoesNotContain(AccountHarness.Password, first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.Equal(PasswordVerificationResult.Success, _hashing.Verify(first, AccountHarness.Password));
        Assert.Equal(PasswordVerificationResult.Failed, _hashing.Verify(first, AccountHarness.Password + "x"));
    }

    [Fact]
    public void A_hash_made_with_fewer_iterations_than_configured_asks_to_be_rehashed()
    {
        var weaker = new PasswordHashing(Options.Create(new PasswordHasherOptions { IterationCount = 500 })).Hash(AccountHarness.Password);

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, _hashing.Verify(weaker, AccountHarness.Password));
    }
}
