using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LlmMultiChat.ApiHost.Tests.Infrastructure;

namespace LlmMultiChat.ApiHost.Tests.Accounts;

/// <summary>An account from registration to reset, through the real API on SQLite.</summary>
public sealed class AccountLifecycleTests
{
    private const string NewPassword = "Brand-new-pass-2";

    [Fact]
    public async Task Register_then_log_in_by_username_or_email_and_read_my_profile_and_quota()
    {
        await using var host = ApiHosts.Start();
        using var anonymous = host.Factory.CreateClient();

        using var registered = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { username = "alice", email = "Alice@Example.com", password = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var user = await registered.ReadJsonAsync();
        Assert.Equal(("alice", "alice@example.com"), (user.String("username"), user.String("email")));
        Assert.Equal(["admin"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        using var byEmail = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { login = "ALICE@example.com", password = TestAccounts.Password });
        var tokens = await byEmail.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, byEmail.StatusCode);
        Assert.Equal(("Bearer", 900), (tokens.String("tokenType"), tokens.GetProperty("expiresIn").GetInt32()));
        Assert.False(string.IsNullOrEmpty(tokens.String("refreshToken")));

        using var me = await Authorized(host, tokens.String("accessToken")!).GetAsync("/api/v1/auth/me");
        var body = await me.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(user.String("id"), body.GetProperty("user").String("id"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("quota").GetProperty("limit").ValueKind);
        Assert.Equal(0, body.GetProperty("quota").GetProperty("used").GetInt64());
    }

    [Fact]
    public async Task Taken_usernames_and_emails_are_conflicts()
    {
        await using var host = ApiHosts.Start();
        using var alice = await host.Factory.SignUpAsync("alice");
        using var anonymous = host.Factory.CreateClient();

        using var sameName = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { username = "Alice", email = "other@example.com", password = TestAccounts.Password });
        using var sameEmail = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { username = "other", email = "alice@example.com", password = TestAccounts.Password });

        Assert.Equal((HttpStatusCode.Conflict, "E4090"), (sameName.StatusCode, (await sameName.ReadJsonAsync()).String("code")));
        Assert.Equal((HttpStatusCode.Conflict, "E4090"), (sameEmail.StatusCode, (await sameEmail.ReadJsonAsync()).String("code")));
    }

    [Fact]
    public async Task Wrong_password_and_unknown_account_get_the_same_answer()
    {
        await using var host = ApiHosts.Start();
        using var alice = await host.Factory.SignUpAsync("alice");
        using var anonymous = host.Factory.CreateClient();

        using var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { login = "alice", password = "Wrong-password-1" });
        using var unknown = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { login = "nobody", password = "Wrong-password-1" });

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (wrong.StatusCode, unknown.StatusCode));
        var wrongBody = await wrong.ReadJsonAsync();
        Assert.Equal("E8001", wrongBody.String("code"));
        Assert.Equal(WithoutTraceId(wrongBody), WithoutTraceId(await unknown.ReadJsonAsync()));
    }

    [Fact]
    public async Task Refresh_rotates_and_presenting_the_old_token_again_revokes_the_session_and_its_access_tokens()
    {
        await using var host = ApiHosts.Start();
        using var alice = await host.Factory.SignUpAsync("alice");
        using var anonymous = host.Factory.CreateClient();

        using var first = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = alice.RefreshToken });
        var rotated = await first.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(alice.RefreshToken, rotated.String("refreshToken"));
        using var rotatedClient = Authorized(host, rotated.String("accessToken")!);
        Assert.Equal(HttpStatusCode.OK, (await rotatedClient.GetAsync("/api/v1/auth/me")).StatusCode);

        using var replay = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = alice.RefreshToken });
        Assert.Equal((HttpStatusCode.Unauthorized, "E8004"), (replay.StatusCode, (await replay.ReadJsonAsync()).String("code")));

        using var afterRevocation = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = rotated.String("refreshToken") });
        Assert.Equal((HttpStatusCode.Unauthorized, "E8003"), (afterRevocation.StatusCode, (await afterRevocation.ReadJsonAsync()).String("code")));
        using var me = await rotatedClient.GetAsync("/api/v1/auth/me");
        Assert.Equal((HttpStatusCode.Unauthorized, "E8002"), (me.StatusCode, (await me.ReadJsonAsync()).String("code")));
    }

    [Fact]
    public async Task Logout_ends_the_session_at_once_and_is_idempotent()
    {
        await using var host = ApiHosts.Start();
        using var alice = await host.Factory.SignUpAsync("alice");
        using var laptop = await host.Factory.LogInAsync("alice");
        using var anonymous = host.Factory.CreateClient();

        using var logout = await anonymous.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = alice.RefreshToken });
        using var again = await anonymous.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = alice.RefreshToken });

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (logout.StatusCode, again.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, (await alice.Client.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.Client.GetAsync("/api/v1/auth/me")).StatusCode);
        using var refresh = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = alice.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task An_access_token_expires_after_fifteen_minutes_and_a_refresh_still_works()
    {
        await using var host = ApiHosts.StartOnManualClock();
        using var alice = await host.Factory.SignUpAsync("alice");
        using var anonymous = host.Factory.CreateClient();

        host.Time!.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await alice.Client.GetAsync("/api/v1/auth/me")).StatusCode);

        host.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(31));
        using var expired = await alice.Client.GetAsync("/api/v1/auth/me");
        Assert.Equal((HttpStatusCode.Unauthorized, "E8002"), (expired.StatusCode, (await expired.ReadJsonAsync()).String("code")));

        using var refreshed = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = alice.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        using var renewed = Authorized(host, (await refreshed.ReadJsonAsync()).String("accessToken")!);
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_unused_for_thirty_days_is_refused()
    {
        await using var host = ApiHosts.StartOnManualClock();
        using var alice = await host.Factory.SignUpAsync("alice");
        using var anonymous = host.Factory.CreateClient();

        host.Time!.Advance(TimeSpan.FromDays(30));

        using var refresh = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = alice.RefreshToken });
        Assert.Equal((HttpStatusCode.Unauthorized, "E8003"), (refresh.StatusCode, (await refresh.ReadJsonAsync()).String("code")));
    }

    [Fact]
    public async Task Changing_the_password_stops_every_earlier_token_and_returns_a_new_pair()
    {
        await using var host = ApiHosts.Start();
        using var alice = await host.Factory.SignUpAsync("alice");
        using var phone = await host.Factory.LogInAsync("alice");

        using var wrong = await alice.Client.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = "Wrong-password-1", newPassword = NewPassword });
        Assert.Equal((HttpStatusCode.BadRequest, "E8007"), (wrong.StatusCode, (await wrong.ReadJsonAsync()).String("code")));

        using var changed = await alice.Client.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = TestAccounts.Password, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        using var fresh = Authorized(host, (await changed.ReadJsonAsync()).String("accessToken")!);

        Assert.Equal(HttpStatusCode.Unauthorized, (await alice.Client.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.Client.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/auth/me")).StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Factory.LogInAsync("alice"));
        (await host.Factory.LogInAsync("alice", NewPassword)).Dispose();
    }

    [Fact]
    public async Task An_admin_reset_token_sets_a_new_password_once()
    {
        await using var host = ApiHosts.Start();
        using var admin = await host.Factory.SignUpAsync("admin");
        using var bob = await host.Factory.SignUpAsync("bob");
        using var anonymous = host.Factory.CreateClient();

        using var issued = await admin.Client.PostAsync($"/api/v1/admin/users/{bob.Id}/reset-token", null);
        var token = (await issued.ReadJsonAsync()).String("token");
        using var reset = await anonymous.PostAsJsonAsync("/api/v1/auth/reset-password", new { token, newPassword = NewPassword });
        using var reused = await anonymous.PostAsJsonAsync("/api/v1/auth/reset-password", new { token, newPassword = "Another-pass-3" });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, "E8006"), (reused.StatusCode, (await reused.ReadJsonAsync()).String("code")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await bob.Client.GetAsync("/api/v1/auth/me")).StatusCode);
        (await host.Factory.LogInAsync("bob", NewPassword)).Dispose();
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_without_saying_so_until_fifteen_minutes_pass()
    {
        await using var host = ApiHosts.StartOnManualClock();
        using var alice = await host.Factory.SignUpAsync("alice");
        using var anonymous = host.Factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { login = "alice", password = "Wrong-password-1" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var locked = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { login = "alice", password = TestAccounts.Password });
        Assert.Equal((HttpStatusCode.Unauthorized, "E8001"), (locked.StatusCode, (await locked.ReadJsonAsync()).String("code")));

        host.Time!.Advance(TimeSpan.FromMinutes(15));
        (await host.Factory.LogInAsync("alice")).Dispose();
    }

    [Fact]
    public async Task A_deactivated_account_loses_its_sessions_and_is_told_why_only_with_the_right_password()
    {
        await using var host = ApiHosts.Start();
        using var admin = await host.Factory.SignUpAsync("admin");
        using var bob = await host.Factory.SignUpAsync("bob");
        using var anonymous = host.Factory.CreateClient();

        using var patched = await admin.Client.PatchAsJsonAsync($"/api/v1/admin/users/{bob.Id}", new { isActive = false });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await bob.Client.GetAsync("/api/v1/auth/me")).StatusCode);
        using var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { login = "bob", password = TestAccounts.Password });
        Assert.Equal((HttpStatusCode.Forbidden, "E8005"), (login.StatusCode, (await login.ReadJsonAsync()).String("code")));
        using var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { login = "bob", password = "Wrong-password-1" });
        Assert.Equal((HttpStatusCode.Unauthorized, "E8001"), (wrong.StatusCode, (await wrong.ReadJsonAsync()).String("code")));
    }

    private static string WithoutTraceId(System.Text.Json.JsonElement problem) =>
        string.Join(",", problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));

    private static HttpClient Authorized(ApiHosts host, string accessToken)
    {
        var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }
}
