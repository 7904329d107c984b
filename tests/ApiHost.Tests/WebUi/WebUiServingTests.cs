using System.Net;
using System.Text.RegularExpressions;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.ApiHost.WebUi;
using Silo.Testing;
using Xunit;
using Xunit.Abstractions;

namespace LlmMultiChat.ApiHost.Tests.WebUi;

/// <summary>How ApiHost serves the built UI: cache headers, the fallback to index.html, and what it never shadows.</summary>
public sealed partial class WebUiServingTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/chat")]
    [InlineData("/chat/AbCdEf0123456789xyzQ_-")]
    [InlineData("/characters/lumina")]
    public async Task The_ui_routes_answer_index_html_revalidated_on_every_load(string path)
    {
        if (NotBuilt())
        {
            return;
        }

        await using var hosts = ApiHosts.Start();
        using var client = hosts.Factory.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Contains("<div id=\"app\"></div>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_a_year_and_compressed()
    {
        if (NotBuilt())
        {
            return;
        }

        await using var hosts = ApiHosts.Start();
        using var client = hosts.Factory.CreateClient();
        var index = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var script = ScriptPath().Match(index).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, script);
        request.Headers.AcceptEncoding.ParseAdd("br");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("/api/v1/no-such-route")]
    [InlineData("/api/nothing")]
    [InlineData("/hubs/unknown")]
    [InlineData("/health/unknown")]
    [InlineData("/openapi/unknown")]
    public async Task Server_paths_keep_the_api_404_instead_of_the_page(string path)
    {
        if (NotBuilt())
        {
            return;
        }

        await using var hosts = ApiHosts.Start();
        using var client = hosts.Factory.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("E4040", (await response.ReadJsonAsync()).String("code"));
    }

    [Fact]
    public async Task A_missing_asset_is_404_not_the_page()
    {
        if (NotBuilt())
        {
            return;
        }

        await using var hosts = ApiHosts.Start();
        using var client = hosts.Factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/assets/missing-0000.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private bool NotBuilt()
    {
        if (File.Exists(Path.Combine(TestMachine.RepositoryRoot(), "ApiHost", WebUiSetup.DistPath, "index.html")))
        {
            return false;
        }

        Prerequisite.NotMet(output.WriteLine, "The web UI is not built: build ApiHost with Node.js and npm on PATH.");
        return true;
    }

    [GeneratedRegex("<script type=\"module\" crossorigin src=\"(/assets/[^\"]+\\.js)\"")]
    private static partial Regex ScriptPath();
}
