using System.Text;
using LlmMultiChat.Grains.Users;
using Microsoft.IdentityModel.Tokens;

namespace LlmMultiChat.ApiHost.Auth;

/// <summary>
/// The HS256 key access tokens are signed with: <c>Auth:SigningKey</c> when configured, otherwise a random key
/// generated on first run and kept at <c>Auth:SigningKeyPath</c>, readable by the owner only, so tokens survive
/// restarts without anyone having to pick a secret.
/// </summary>
public static class SigningKey
{
    /// <summary>HS256 wants at least 256 bits.</summary>
    public const int MinimumBytes = 32;

    /// <exception cref="InvalidOperationException">The configured key is too short, or the key file cannot be read or written.</exception>
    public static SymmetricSecurityKey Load(AuthOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            var configured = Encoding.UTF8.GetBytes(options.SigningKey);
            return configured.Length >= MinimumBytes
                ? new SymmetricSecurityKey(configured)
                : throw new InvalidOperationException($"Auth:SigningKey must be at least {MinimumBytes} bytes of UTF-8; it has {configured.Length}.");
        }

        var path = Path.GetFullPath(options.SigningKeyPath);
        try
        {
            if (!File.Exists(path))
            {
                Generate(path);
                SigningKeyLog.Generated(logger, path);
            }

            var stored = Convert.FromBase64String(File.ReadAllText(path).Trim());
            return stored.Length >= MinimumBytes
                ? new SymmetricSecurityKey(stored)
                : throw new InvalidOperationException($"The signing key in {path} is shorter than {MinimumBytes} bytes; delete the file to generate a new one.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new InvalidOperationException($"The signing key file {path} cannot be used ({ex.Message}). Set Auth:SigningKey or fix the file.", ex);
        }
    }

    private static void Generate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(64);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var file = new StreamWriter(path, Encoding.ASCII, options);
        file.Write(Convert.ToBase64String(key));
    }
}
