using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using LlmMultiChat.ApiHost.Tests.Characters;
using LlmMultiChat.ApiHost.Tests.Conversations.Support;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.Grains.Users;
using Microsoft.IdentityModel.Tokens;

namespace LlmMultiChat.ApiHost.Tests.Memories;

/// <summary>Requests the memory and personal-data routes refuse, before anything is read or changed; one host for all.</summary>
public sealed class MemoriesInputTests(MemoriesInputTests.Fixture fixture) : IClassFixture<MemoriesInputTests.Fixture>
{
    private const string Path = MemoriesApiTests.Path;

    [Theory]
    [InlineData("GET", Path)]
    [InlineData("DELETE", Path + "/lt.lumina.0123456789abcdef0123456789abcdef")]
    [InlineData("GET", "/api/v1/auth/me/export")]
    [InlineData("DELETE", "/api/v1/auth/me")]
    public async Task Without_a_valid_access_token_every_route_is_401(string method, string route)
    {
        using var anonymous = fixture.Host.Factory.CreateClient();
        using var forged = fixture.Host.Factory.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Resigned(fixture.Alice.AccessToken));

        foreach (var client in new[] { anonymous, forged })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), route));
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "E8002");
        }

        Assert.NotNull(await fixture.Host.Grains.GetGrain<IUserGrain>(fixture.Alice.Id).Profile());
    }

    [Theory]
    [InlineData("x")]
    [InlineData("lt.")]
    [InlineData("lt.lumina")]
    [InlineData("lt.lumina.")]
    [InlineData("lt.Lumina!.abc")]
    [InlineData("lt.lumina.a.b")]
    [InlineData("mt.")]
    [InlineData("mt.a%20b")]
    [InlineData("xx.lumina.abc")]
    public async Task A_malformed_memory_id_is_a_bad_parameter(string id)
    {
        using var response = await fixture.Alice.Client.DeleteAsync($"{Path}/{id}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "E4004");
    }

    [Theory]
    [InlineData("lt.lumina.0123456789abcdef0123456789abcdef")]
    [InlineData("lt.no-such-character.0123456789abcdef0123456789abcdef")]
    [InlineData("mt.no-such-summary")]
    public async Task A_well_formed_unknown_memory_id_is_not_found(string id)
    {
        using var response = await fixture.Alice.Client.DeleteAsync($"{Path}/{id}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "E4040");
    }

    [Theory]
    [InlineData("?tier=short-term", "E4004", null)]
    [InlineData("?characterId=Lumina!", "E4004", null)]
    [InlineData("?limit=abc", "E4004", null)]
    [InlineData("?limit=0", "E4000", "limit")]
    [InlineData("?limit=201", "E4000", "limit")]
    [InlineData("?q=%20%20", "E4000", "q")]
    public async Task Bad_query_values_are_refused(string query, string code, string? field)
    {
        using var response = await fixture.Alice.Client.GetAsync(Path + query);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        }
    }

    [Fact]
    public async Task A_query_longer_than_1000_characters_is_refused()
    {
        using var response = await fixture.Alice.Client.GetAsync($"{Path}?q={new string('あ', 1001)}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "E4000");
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
    }

    /// <summary>The token with its signature made with another key: everything else genuine.</summary>
    private static string Resigned(string token)
    {
        var signed = token[..token.LastIndexOf('.')];
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes("an-attackers-key-that-is-long-enough-for-hs256"), Encoding.ASCII.GetBytes(signed));
        return $"{signed}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>One host and one user, alice, whom no test changes.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private ConversationHost? _host;
        private TestUser? _alice;

        internal ConversationHost Host => _host ?? throw new InvalidOperationException("The host is not started.");

        internal TestUser Alice => _alice ?? throw new InvalidOperationException("The host is not started.");

        public async Task InitializeAsync()
        {
            _host = await ConversationHost.StartAsync();
            _alice = await _host.SignUpAsync("alice");
        }

        public async Task DisposeAsync()
        {
            _alice?.Dispose();
            if (_host is not null)
            {
                await _host.DisposeAsync();
            }
        }
    }
}
