using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LlmMultiChat.Grains.Users;

/// <summary>
/// A refresh token as presented: <c>{userId}.{sessionId}.{generation}.{secret}</c>. The user and session parts
/// route it to its account without a lookup; only a hash of the whole token is stored, so reading the database
/// does not yield usable tokens.
/// </summary>
public sealed record RefreshToken(string UserId, string SessionId, long Generation, string Value)
{
    private const int MaxLength = 512;

    /// <summary>Splits a presented token; false when it does not have the token's shape.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out RefreshToken? token)
    {
        token = null;
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        var parts = value.Split('.');
        if (parts.Length != 4 || parts.Any(string.IsNullOrEmpty)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var generation))
        {
            return false;
        }

        token = new RefreshToken(parts[0], parts[1], generation, value);
        return true;
    }

    public static string Format(string userId, string sessionId, long generation, string secret) =>
        string.Create(CultureInfo.InvariantCulture, $"{userId}.{sessionId}.{generation}.{secret}");

    public override string ToString() => "RefreshToken { (secret) }";
}
