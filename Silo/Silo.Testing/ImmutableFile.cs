using System.ComponentModel;
using System.Diagnostics;

namespace Silo.Testing;

/// <summary>
/// Makes a file read-only even for root (file permissions do not stop root; the immutable attribute does), for
/// tests of what happens when storage cannot be written. Needs <c>chattr</c> (Debian: e2fsprogs) and the right
/// to use it; each method returns why it failed, or null.
/// </summary>
public static class ImmutableFile
{
    /// <summary>Sets the immutable attribute and checks the file really refuses writes.</summary>
    public static async Task<string?> TryMakeImmutableAsync(string path)
    {
        if (await ChattrAsync("+i", path).ConfigureAwait(false) is { } failure)
        {
            return failure;
        }

        try
        {
            await using (File.Open(path, FileMode.Open, FileAccess.Write))
            {
            }
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        await ChattrAsync("-i", path).ConfigureAwait(false);
        return $"'chattr +i {path}' succeeded but the file stayed writable (the file system ignores the immutable flag).";
    }

    /// <summary>Clears the immutable attribute (always do this in cleanup, or the file cannot be deleted).</summary>
    public static Task<string?> TryMakeMutableAsync(string path) => ChattrAsync("-i", path);

    private static async Task<string?> ChattrAsync(string flag, string path)
    {
        var start = new ProcessStartInfo("chattr") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(flag);
        start.ArgumentList.Add(path);
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("chattr did not start.");
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync().WaitOrFail($"chattr {flag} to exit").ConfigureAwait(false);
            return process.ExitCode == 0
                ? null
                : $"'chattr {flag} {path}' exited with {process.ExitCode}: {(await error.ConfigureAwait(false)).Trim()} {(await output.ConfigureAwait(false)).Trim()}".Trim();
        }
        catch (Win32Exception ex)
        {
            return $"chattr cannot be run here: {ex.Message}";
        }
    }
}
