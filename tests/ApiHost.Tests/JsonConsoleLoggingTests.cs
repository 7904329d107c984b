using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace LlmMultiChat.ApiHost.Tests;

/// <summary>
/// Runs the built ApiHost as its own process and reads what it writes to stdout: only a real process shows what
/// the console logger really emits.
/// </summary>
public sealed class JsonConsoleLoggingTests
{
    private static readonly string[] Levels = ["Trace", "Debug", "Information", "Warning", "Error", "Critical"];

    [Fact]
    public async Task Console_logs_are_json_lines_with_a_utc_iso_timestamp_and_a_level()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ApiHost.dll"));
        start.ArgumentList.Add("--Urls=http://127.0.0.1:0");
        start.ArgumentList.Add("--Storage:Provider=memory");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Nine hours off UTC: a local timestamp passed off as UTC would be caught.
        start.Environment["TZ"] = "Asia/Tokyo";

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        var seen = new StringBuilder();
        try
        {
            var categories = new HashSet<string>(StringComparer.Ordinal);
            string? listeningOn = null;
            while (listeningOn is null)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new Xunit.Sdk.XunitException($"ApiHost exited before listening.\nstdout:\n{seen}\nstderr:\n{await stderr}");
                seen.AppendLine(line);
                using var entry = ParseLogLine(line);
                var root = entry.RootElement;

                var timestamp = root.GetProperty("Timestamp").GetString()!;
                Assert.True(
                    DateTimeOffset.TryParseExact(timestamp, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at),
                    $"Timestamp '{timestamp}' is not UTC ISO 8601 with milliseconds: {line}");
                var skew = (at - TimeProvider.System.GetUtcNow()).Duration();
                Assert.True(skew < TimeSpan.FromMinutes(5), $"Timestamp '{timestamp}' is {skew} away from UTC now: {line}");
                Assert.Contains(root.GetProperty("LogLevel").GetString(), Levels);
                Assert.False(string.IsNullOrEmpty(root.GetProperty("Message").GetString()), line);
                var category = root.GetProperty("Category").GetString()!;
                categories.Add(category);

                if (category == "Microsoft.Hosting.Lifetime" && root.GetProperty("EventId").GetInt32() == 14)
                {
                    listeningOn = root.GetProperty("State").GetProperty("address").GetString();
                }
            }

            Assert.Contains("Silo", categories);

            // The process whose logs these are serves the health endpoint where it said it listens.
            using var http = new HttpClient();
            using var live = await http.GetAsync(new Uri(new Uri(listeningOn!), "/health/live"), timeout.Token);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static JsonDocument ParseLogLine(string line)
    {
        try
        {
            var document = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            return document;
        }
        catch (JsonException ex)
        {
            throw new Xunit.Sdk.XunitException($"A console line is not JSON ({ex.Message}): {line}");
        }
    }

    // The SDK tells test hosts which dotnet it runs on; fall back to the one on PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
}
