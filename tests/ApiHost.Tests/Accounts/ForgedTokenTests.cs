using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LlmMultiChat.ApiHost.Tests.Accounts;

/// <summary>
/// Tokens an attacker could make or replay. Each keeps the real token's session claims, so the only thing wrong
/// with it is what the test names, and each must be refused with 401 E8002.
/// </summary>
public sealed class ForgedTokenTests : IAsyncLifetime
{
    private const string ServerKey = "test-signing-key-that-is-long-enough-for-hs256";
    private readonly ApiHosts _host = ApiHosts.Start();
    private TestUser _admin = null!;
    private TestUser _alice = null!;

    public async Task InitializeAsync()
    {
        _admin = await _host.Factory.SignUpAsync("admin");
        _alice = await _host.Factory.SignUpAsync("alice");
    }

    public async Task DisposeAsync()
    {
        _alice.Dispose();
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_genuine_token_is_accepted()
    {
        Assert.Equal(HttpStatusCode.OK, await StatusWith(Reissue()));
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_refused()
    {
        var genuine = new JsonWebToken(_alice.AccessToken);
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"at+jwt"}""");
        var payload = genuine.EncodedPayload;

        await AssertRefused($"{header}.{payload}.");
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused() =>
        await AssertRefused(Reissue(key: "an-attackers-own-key-that-is-also-long-enough"));

    [Fact]
    public async Task A_token_signed_with_the_right_key_but_another_algorithm_is_refused()
    {
        // Made by hand: the token library itself refuses HS512 with a key this short, an attacker would not.
        var header = Base64UrlEncoder.Encode("""{"alg":"HS512","typ":"at+jwt"}""");
        var signed = $"{header}.{new JsonWebToken(_alice.AccessToken).EncodedPayload}";
        var signature = HMACSHA512.HashData(Encoding.UTF8.GetBytes(ServerKey), Encoding.ASCII.GetBytes(signed));

        await AssertRefused($"{signed}.{Base64UrlEncoder.Encode(signature)}");
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused() => await AssertRefused(Reissue(audience: "some-other-api"));

    [Fact]
    public async Task A_token_from_another_issuer_is_refused() => await AssertRefused(Reissue(issuer: "someone-else"));

    [Fact]
    public async Task An_expired_token_is_refused() => await AssertRefused(Reissue(expires: TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-5)));

    [Fact]
    public async Task A_token_of_another_type_is_refused() => await AssertRefused(Reissue(type: "JWT"));

    [Fact]
    public async Task A_token_whose_payload_was_edited_is_refused()
    {
        var parts = _alice.AccessToken.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        var claims = payload.Replace("\"role\":\"user\"", "\"role\":\"admin\"", StringComparison.Ordinal);
        Assert.NotEqual(payload, claims);

        await AssertRefused($"{parts[0]}.{Base64UrlEncoder.Encode(claims)}.{parts[2]}");
    }

    [Fact]
    public async Task A_refresh_token_is_not_an_access_token() => await AssertRefused(_alice.RefreshToken);

    [Fact]
    public async Task A_validly_signed_token_for_a_session_that_does_not_exist_is_refused() =>
        await AssertRefused(Reissue(session: "0123456789abcdef0123456789abcdef"));

    [Fact]
    public async Task Garbage_is_refused() => await AssertRefused("not.a.token");

    private async Task AssertRefused(string token)
    {
        using var client = _host.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync("/api/v1/auth/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("E8002", (await response.ReadJsonAsync()).String("code"));
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    private async Task<HttpStatusCode> StatusWith(string token)
    {
        using var client = _host.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/v1/auth/me");
        return response.StatusCode;
    }

    /// <summary>Alice's token re-made with one thing changed (by default: nothing, so the server accepts it).</summary>
    private string Reissue(
        string key = ServerKey,
        string audience = "llmmultichat-api",
        string issuer = "llmmultichat",
        string type = "at+jwt",
        DateTime? expires = null,
        string? session = null)
    {
        var genuine = new JsonWebToken(_alice.AccessToken);
        var claims = genuine.Claims
            .Where(c => c.Type is not ("exp" or "iat" or "nbf" or "aud" or "iss"))
            .Select(c => c.Type == "sid" && session is not null ? new Claim("sid", session) : c)
            .ToList();
        var end = expires ?? TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(10);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = end.AddMinutes(-15),
            NotBefore = end.AddMinutes(-15),
            Expires = end,
            TokenType = type,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }
}
