using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LlmMultiChat.Grains.Users;

/// <summary>
/// Password hashes with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512, salted;
/// its iteration count is <see cref="PasswordHasherOptions.IterationCount"/>).
/// </summary>
public sealed class PasswordHashing
{
    private static readonly object Subject = new();
    private readonly PasswordHasher<object> _hasher;
    private readonly string _decoy;

    public PasswordHashing(IOptions<PasswordHasherOptions> options)
    {
        _hasher = new PasswordHasher<object>(options);
        _decoy = _hasher.HashPassword(Subject, Convert.ToHexString(Guid.NewGuid().ToByteArray()));
    }

    public string Hash(string password) => _hasher.HashPassword(Subject, password);

    public PasswordVerificationResult Verify(string hash, string password) => _hasher.VerifyHashedPassword(Subject, hash, password);

    /// <summary>Spends the time a real check would, so a login for an unknown account cannot be told apart by timing.</summary>
    public void VerifyDecoy(string password) => _hasher.VerifyHashedPassword(Subject, _decoy, password);
}
