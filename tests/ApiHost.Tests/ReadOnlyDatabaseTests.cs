using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace LlmMultiChat.ApiHost.Tests;

public sealed class ReadOnlyDatabaseTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Ready_returns_503_naming_the_file_when_the_database_is_read_only()
    {
        using var database = new TempDatabase();
        await using (var creator = new ApiHostFactory(database.Settings()))
        {
            using var client = creator.CreateClient();
            using var created = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        }

        SqliteConnection.ClearAllPools();

        // chmod does not stop root; the immutable attribute does.
        var (immutable, reason) = await Chattr("+i", database.Path);
        if (!immutable)
        {
            // xunit 2 has no dynamic skip: say why in the output, and never let CI pass without the check.
            var why = $"cannot make {database.Path} read-only: {reason}";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"{why}. CI=true, where this test must not be skipped.");
            }

            output.WriteLine($"SKIPPED: {why}");
            return;
        }

        try
        {
            await using var factory = new ApiHostFactory(database.Settings());
            using var client = factory.CreateClient();

            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var sqlite = (await response.ReadJsonAsync()).Check("sqlite");
            output.WriteLine(sqlite.ToString());
            Assert.Equal("Unhealthy", sqlite.String("status"));
            Assert.Contains(database.Path, sqlite.String("description"), StringComparison.Ordinal);
            Assert.Contains("readonly", sqlite.String("description"), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            var (mutable, undoReason) = await Chattr("-i", database.Path);
            Assert.True(mutable, $"chattr -i {database.Path} failed: {undoReason}. Remove the attribute by hand.");
        }
    }

    private static async Task<(bool Succeeded, string Reason)> Chattr(string flag, string path)
    {
        var start = new ProcessStartInfo("chattr")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(flag);
        start.ArgumentList.Add(path);
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0
                ? (true, string.Empty)
                : (false, $"chattr {flag} exited with {process.ExitCode}: {(await stderr).Trim()} {(await stdout).Trim()}".Trim());
        }
        catch (Win32Exception ex)
        {
            return (false, $"chattr could not be started: {ex.Message}");
        }
    }
}
