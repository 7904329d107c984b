using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using LlmMultiChat.ApiHost.Tests.Infrastructure;

namespace LlmMultiChat.ApiHost.Tests.RateLimiting;

/// <summary>Each limit trips at its configured number, says when to come back, and opens again when its window ends.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Registration_trips_after_its_limit_with_the_headers_and_reopens_after_the_window()
    {
        await using var host = ApiHosts.StartOnManualClock(("RateLimits:Register:PermitLimit", "2"), ("RateLimits:Register:WindowSeconds", "60"));
        using var client = host.Factory.CreateClient();
        var windowStart = host.Time!.GetUtcNow();

        Assert.Equal(HttpStatusCode.Created, (await Register(client, "ann")).StatusCode);
        host.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.Created, (await Register(client, "ben")).StatusCode);
        using var refused = await Register(client, "cat");

        await AssertLimited(refused, "E6001", limit: 2, resetsAt: windowStart.AddSeconds(60), retryAfterSeconds: 40);
        host.Time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(HttpStatusCode.Created, (await Register(client, "cat")).StatusCode);
    }

    [Fact]
    public async Task Login_attempts_are_limited_whether_or_not_they_succeed()
    {
        await using var host = ApiHosts.StartOnManualClock(("RateLimits:Login:PermitLimit", "3"));
        using var alice = await host.Factory.SignUpAsync("alice");
        using var client = host.Factory.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { login = "alice", password = "Wrong-password-1" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var refused = await client.PostAsJsonAsync("/api/v1/auth/login", new { login = "alice", password = TestAccounts.Password });
        await AssertLimited(refused, "E6001", limit: 3);
    }

    [Fact]
    public async Task Refreshes_are_limited()
    {
        await using var host = ApiHosts.StartOnManualClock(("RateLimits:Refresh:PermitLimit", "1"));
        using var alice = await host.Factory.SignUpAsync("alice");
        using var client = host.Factory.CreateClient();

        using var first = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = alice.RefreshToken });
        var next = (await first.ReadJsonAsync()).String("refreshToken");
        using var second = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = next });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertLimited(second, "E6001", limit: 1);
    }

    [Fact]
    public async Task Password_changes_are_limited_per_user_not_globally()
    {
        await using var host = ApiHosts.StartOnManualClock(("RateLimits:ChangePassword:PermitLimit", "1"));
        using var alice = await host.Factory.SignUpAsync("alice");
        using var bob = await host.Factory.SignUpAsync("bob");
        var wrong = new { currentPassword = "Wrong-password-1", newPassword = "Brand-new-pass-2" };

        using var aliceFirst = await alice.Client.PostAsJsonAsync("/api/v1/auth/change-password", wrong);
        using var aliceSecond = await alice.Client.PostAsJsonAsync("/api/v1/auth/change-password", wrong);
        using var bobFirst = await bob.Client.PostAsJsonAsync("/api/v1/auth/change-password", wrong);

        Assert.Equal(HttpStatusCode.BadRequest, aliceFirst.StatusCode);
        await AssertLimited(aliceSecond, "E6001", limit: 1);
        Assert.Equal(HttpStatusCode.BadRequest, bobFirst.StatusCode);
    }

    [Fact]
    public async Task The_default_limit_caps_every_api_request_of_a_caller_but_not_health_checks()
    {
        await using var host = ApiHosts.StartOnManualClock(("RateLimits:Default:PermitLimit", "4"));
        using var alice = await host.Factory.SignUpAsync("alice");

        // Registration and login were the anonymous caller's; alice's own budget is untouched.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await alice.Client.GetAsync("/api/v1/auth/me")).StatusCode);
        }

        using var refused = await alice.Client.GetAsync("/api/v1/auth/me");
        await AssertLimited(refused, "E6001", limit: 4);
        Assert.Equal(HttpStatusCode.OK, (await alice.Client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task A_limit_of_zero_turns_the_rule_off()
    {
        await using var host = ApiHosts.StartOnManualClock(("RateLimits:Register:PermitLimit", "0"));
        using var client = host.Factory.CreateClient();

        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await Register(client, $"user{i}")).StatusCode);
        }
    }

    [Fact]
    public async Task A_misspelt_rate_limit_setting_stops_the_host()
    {
        await using var host = ApiHosts.Start(("RateLimits:Regster:PermitLimit", "2"));

        var failure = Assert.ThrowsAny<Exception>(() => host.Factory.CreateClient());
        Assert.Contains("Regster", failure.ToString(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Register(HttpClient client, string username) =>
        client.PostAsJsonAsync("/api/v1/auth/register", new { username, email = $"{username}@example.com", password = TestAccounts.Password });

    private static async Task AssertLimited(HttpResponseMessage response, string code, int limit, DateTimeOffset? resetsAt = null, int? retryAfterSeconds = null)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(code, (await response.ReadJsonAsync()).String("code"));
        Assert.Equal(limit.ToString(CultureInfo.InvariantCulture), response.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("0", response.Headers.GetValues("X-RateLimit-Remaining").Single());
        var reset = long.Parse(response.Headers.GetValues("X-RateLimit-Reset").Single(), CultureInfo.InvariantCulture);
        var retryAfter = response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(retryAfter, 1, 60);
        if (resetsAt is { } expectedReset)
        {
            Assert.Equal(expectedReset.ToUnixTimeSeconds(), reset);
        }

        if (retryAfterSeconds is { } expectedWait)
        {
            Assert.Equal(expectedWait, retryAfter);
        }
    }
}
