using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LlmMultiChat.ApiHost.Tests.Infrastructure;

/// <summary>Accounts made through the real API: register, log in, and (as the admin) give roles.</summary>
internal static class TestAccounts
{
    public const string Password = "Correct-horse-1";

    /// <summary>Registers and logs in; the first account of a host is its admin.</summary>
    public static async Task<TestUser> SignUpAsync(this WebApplicationFactory<Program> factory, string username)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var anonymous = factory.CreateClient();
        using var registered = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { username, email = $"{username}@example.com", password = Password });
        if (!registered.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Registering {username}: {(int)registered.StatusCode} {await registered.Content.ReadAsStringAsync()}");
        }

        return await factory.LogInAsync(username);
    }

    public static async Task<TestUser> LogInAsync(this WebApplicationFactory<Program> factory, string login, string password = Password)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var anonymous = factory.CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { login, password });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Logging in {login}: {(int)response.StatusCode} {body}");
        }

        return TestUser.From(factory, body);
    }

    /// <summary>Signs a user up and has <paramref name="admin"/> give it exactly these roles; returns it logged in again.</summary>
    public static async Task<TestUser> SignUpWithRolesAsync(this WebApplicationFactory<Program> factory, TestUser admin, string username, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var user = await factory.SignUpAsync(username);
        using var patched = await admin.Client.PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { roles });
        patched.EnsureSuccessStatusCode();
        user.Client.Dispose();
        return await factory.LogInAsync(username);
    }
}

/// <summary>A logged-in account and a client that sends its access token.</summary>
internal sealed record TestUser(string Id, string Username, string AccessToken, string RefreshToken, HttpClient Client) : IDisposable
{
    public static TestUser From(WebApplicationFactory<Program> factory, JsonElement tokens)
    {
        var client = factory.CreateClient();
        var access = tokens.GetProperty("accessToken").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        var user = tokens.GetProperty("user");
        return new TestUser(user.GetProperty("id").GetString()!, user.GetProperty("username").GetString()!, access, tokens.GetProperty("refreshToken").GetString()!, client);
    }

    public void Dispose() => Client.Dispose();
}
