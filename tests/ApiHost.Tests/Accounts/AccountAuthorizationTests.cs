using System.Net;
using System.Net.Http.Json;
using LlmMultiChat.ApiHost.Tests.Infrastructure;

namespace LlmMultiChat.ApiHost.Tests.Accounts;

/// <summary>Who may and who may not call each account and administration route.</summary>
public sealed class AccountAuthorizationTests(AccountRoles roles) : IClassFixture<AccountRoles>
{
    public static TheoryData<string, string, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, string, HttpStatusCode>();
        var routes = new (string Route, HttpStatusCode Allowed)[]
        {
            ("GET admin/users", HttpStatusCode.OK),
            ("PATCH admin/users/{target}", HttpStatusCode.OK),
            ("DELETE admin/users/{target}", HttpStatusCode.NoContent),
            ("POST admin/users/{target}/reset-token", HttpStatusCode.OK),
        };
        foreach (var (route, allowed) in routes)
        {
            data.Add(route, "anonymous", HttpStatusCode.Unauthorized);
            data.Add(route, "guest", HttpStatusCode.Forbidden);
            data.Add(route, "user", HttpStatusCode.Forbidden);
            data.Add(route, "premium", HttpStatusCode.Forbidden);
            data.Add(route, "operator", HttpStatusCode.Forbidden);
            data.Add(route, "admin", allowed);
        }

        foreach (var role in new[] { "guest", "user", "premium", "operator", "admin" })
        {
            data.Add("GET auth/me", role, HttpStatusCode.OK);
            // A wrong current password: reaching that answer proves the caller was let in.
            data.Add("POST auth/change-password", role, HttpStatusCode.BadRequest);
        }

        data.Add("GET auth/me", "anonymous", HttpStatusCode.Unauthorized);
        data.Add("POST auth/change-password", "anonymous", HttpStatusCode.Unauthorized);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Route_by_role(string route, string role, HttpStatusCode expected)
    {
        using var target = await roles.NewTargetAsync();
        var client = roles.ClientFor(role);
        try
        {
            var (method, path) = (route.Split(' ')[0], "/api/v1/" + route.Split(' ')[1].Replace("{target}", target.Id, StringComparison.Ordinal));
            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = route switch
                {
                    "PATCH admin/users/{target}" => JsonContent.Create(new { roles = new[] { "premium" } }),
                    "POST auth/change-password" => JsonContent.Create(new { currentPassword = "Wrong-password-1", newPassword = "Brand-new-pass-2" }),
                    _ => null,
                },
            };

            using var response = await client.SendAsync(request);

            Assert.Equal(expected, response.StatusCode);
            var targetExists = (await roles.Admin.Client.GetAsync($"/api/v1/admin/users?limit=200")).Content.ReadAsStringAsync();
            Assert.Equal(route.StartsWith("DELETE", StringComparison.Ordinal) && expected == HttpStatusCode.NoContent, !(await targetExists).Contains(target.Id, StringComparison.Ordinal));
        }
        finally
        {
            if (role == "anonymous")
            {
                client.Dispose();
            }
        }
    }

    [Fact]
    public async Task An_admin_cannot_lock_themselves_out()
    {
        using var deactivate = await roles.Admin.Client.PatchAsJsonAsync($"/api/v1/admin/users/{roles.Admin.Id}", new { isActive = false });
        using var demote = await roles.Admin.Client.PatchAsJsonAsync($"/api/v1/admin/users/{roles.Admin.Id}", new { roles = new[] { "user" } });
        using var erase = await roles.Admin.Client.DeleteAsync($"/api/v1/admin/users/{roles.Admin.Id}");

        Assert.All([deactivate, demote, erase], r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await roles.Admin.Client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Admin_routes_on_an_unknown_account_are_not_found()
    {
        using var patch = await roles.Admin.Client.PatchAsJsonAsync("/api/v1/admin/users/nobody", new { isActive = false });
        using var erase = await roles.Admin.Client.DeleteAsync("/api/v1/admin/users/nobody");
        using var reset = await roles.Admin.Client.PostAsync("/api/v1/admin/users/nobody/reset-token", null);

        Assert.All([patch, erase, reset], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }

    [Fact]
    public async Task Roles_given_by_an_admin_take_effect_after_a_refresh()
    {
        using var target = await roles.NewTargetAsync();
        using var patched = await roles.Admin.Client.PatchAsJsonAsync($"/api/v1/admin/users/{target.Id}", new { roles = new[] { "admin" } });
        Assert.Equal(HttpStatusCode.Unauthorized, (await target.Client.GetAsync("/api/v1/admin/users")).StatusCode);

        using var anonymous = roles.Factory.CreateClient();
        using var refreshed = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = target.RefreshToken });
        using var promoted = TestUser.From(roles.Factory, await refreshed.ReadJsonAsync());

        Assert.Equal(HttpStatusCode.OK, (await promoted.Client.GetAsync("/api/v1/admin/users")).StatusCode);
    }
}
