using System.Security.Cryptography;
using System.Text;

namespace LlmMultiChat.Grains.Users;

/// <summary>Random secrets for tokens and the hashes stored in their place.</summary>
internal static class TokenSecrets
{
    /// <summary>256 random bits, URL-safe.</summary>
    public static string New() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>A short random id (128 bits, hex).</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>SHA-256 of the token: enough for high-entropy secrets, which need no slow hash.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Compares a presented token with a stored hash in constant time.</summary>
    public static bool Matches(string token, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));
}
