using System.Net;
using System.Net.Http.Headers;
using LlmMultiChat.ApiHost.Tests.Infrastructure;

namespace LlmMultiChat.ApiHost.Tests.Http;

/// <summary>Headers, CORS, compression and the API description every client relies on.</summary>
public sealed class HttpDefaultsTests
{
    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        await using var host = ApiHosts.Start();
        using var client = host.Factory.CreateClient();

        foreach (var path in new[] { "/health/live", "/api/v1/auth/me", "/api/v1/no-such-route" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Outside_development_hsts_is_sent_over_https_only()
    {
        await using var host = ApiHosts.Start(("environment", "Production"));
        using var https = host.Factory.CreateClient(new() { BaseAddress = new Uri("https://chat.example") });
        using var http = host.Factory.CreateClient(new() { BaseAddress = new Uri("http://chat.example") });

        using var secure = await https.GetAsync("/health/live");
        using var plain = await http.GetAsync("/health/live");

        Assert.StartsWith("max-age=", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Only_configured_origins_get_cors_permission()
    {
        await using var host = ApiHosts.Start(("Cors:AllowedOrigins:0", "https://app.example"));
        using var client = host.Factory.CreateClient();

        using var allowed = await client.SendAsync(Preflight("https://app.example"));
        using var other = await client.SendAsync(Preflight("https://evil.example"));

        Assert.Equal("https://app.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Json_is_compressed_for_clients_that_accept_it()
    {
        await using var host = ApiHosts.Start();
        using var alice = await host.Factory.SignUpAsync("alice");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

        using var response = await alice.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_routes_and_the_bearer_scheme_and_swagger_ui_serves_it()
    {
        await using var host = ApiHosts.Start();
        using var client = host.Factory.CreateClient();

        using var document = await client.GetAsync("/openapi/v1.json");
        var openApi = await document.ReadJsonAsync();
        using var docs = await client.GetAsync("/docs/index.html");

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/auth/login", paths);
        Assert.Contains("/api/v1/admin/users/{id}", paths);
        Assert.Equal("bearer", openApi.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").String("scheme"));
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("swagger", await docs.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/auth/login");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }
}
