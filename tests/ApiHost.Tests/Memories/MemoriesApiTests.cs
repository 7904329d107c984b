using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LlmMultiChat.ApiHost.Tests.Characters;
using LlmMultiChat.ApiHost.Tests.Conversations.Support;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Silo.Testing;

namespace LlmMultiChat.ApiHost.Tests.Memories;

/// <summary>The caller's memories over REST: listing, filtering, search, deletion, and who may do what.</summary>
public sealed class MemoriesApiTests
{
    private const string Path = "/api/v1/memories";
    private const string Pochi = "私の犬の名前はポチです";
    private const string Ramen = "好きな食べ物はラーメンです";
    private const string PochiWalk = "ポチと公園を散歩した話をした。";
    private const string RamenShop = "駅前のラーメン屋の話をした。";

    [Fact]
    public async Task Without_a_query_the_callers_memories_of_both_tiers_come_newest_first_with_routable_ids()
    {
        await using var setup = await Setup.StartAsync();
        await setup.RememberAsync(setup.Alice, Pochi);
        await setup.RememberAsync(setup.Alice, Ramen);
        await setup.SummaryAsync("walk", PochiWalk, setup.Alice.Id);

        var items = await ListAsync(setup.Alice);

        Assert.Equal([PochiWalk, Ramen, Pochi], items.Select(i => i.String("text")));
        Assert.Equal(("mt.walk", "mid-term", "lumina", "c-walk"), (items[0].String("id"), items[0].String("tier"), items[0].String("characterId"), items[0].String("conversationId")));
        Assert.Matches("^lt\\.lumina\\.[0-9a-f]{32}$", items[1].String("id"));
        Assert.Equal(("long-term", JsonValueKind.Null), (items[1].String("tier"), items[1].GetProperty("conversationId").ValueKind));
        Assert.InRange(items[1].GetProperty("importance").GetDouble(), 0.3, 1);
        Assert.All(items, i => Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (i.GetProperty("relevance").ValueKind, i.GetProperty("score").ValueKind)));
        Assert.Empty(await ListAsync(setup.Bob));
    }

    [Fact]
    public async Task Tier_character_and_limit_filter_the_list()
    {
        await using var setup = await Setup.StartAsync();
        await setup.RememberAsync(setup.Alice, Pochi);
        await setup.RememberAsync(setup.Alice, Ramen);
        await setup.SummaryAsync("walk", PochiWalk, setup.Alice.Id);

        Assert.Equal([Ramen, Pochi], (await ListAsync(setup.Alice, "?tier=long-term")).Select(i => i.String("text")));
        Assert.Equal([PochiWalk], (await ListAsync(setup.Alice, "?tier=mid-term")).Select(i => i.String("text")));
        Assert.Empty(await ListAsync(setup.Alice, "?characterId=nox"));
        Assert.Equal(3, (await ListAsync(setup.Alice, "?characterId=lumina")).Count);
        Assert.Equal([PochiWalk], (await ListAsync(setup.Alice, "?limit=1")).Select(i => i.String("text")));
    }

    [Fact]
    public async Task A_query_ranks_the_most_relevant_first_in_each_tier()
    {
        await using var setup = await Setup.StartAsync();
        // The relevant ones are the older ones, so newest-first would put them last.
        await setup.RememberAsync(setup.Alice, Pochi);
        await setup.RememberAsync(setup.Alice, Ramen);
        await setup.SummaryAsync("shop", RamenShop, setup.Alice.Id);
        await setup.SummaryAsync("walk", PochiWalk, setup.Alice.Id);

        var longTerm = await ListAsync(setup.Alice, "?tier=long-term&q=" + Uri.EscapeDataString("私の犬の名前を覚えてる？"));
        var midTerm = await ListAsync(setup.Alice, "?tier=mid-term&q=" + Uri.EscapeDataString("ラーメン屋"));

        Assert.Equal(Pochi, longTerm[0].String("text"));
        Assert.True(longTerm[0].GetProperty("relevance").GetDouble() > 0);
        Assert.Equal(RamenShop, midTerm[0].String("text"));
        Assert.Equal(midTerm[0].GetProperty("relevance").GetDouble(), midTerm[0].GetProperty("score").GetDouble());
        Assert.All(midTerm.Skip(1), i => Assert.True(i.GetProperty("score").GetDouble() <= midTerm[0].GetProperty("score").GetDouble()));
    }

    [Fact]
    public async Task Mid_term_memories_older_than_the_30_day_retention_are_not_listed()
    {
        await using var setup = await Setup.StartAsync();
        var cutoff = setup.Clock.GetUtcNow() - TimeSpan.FromDays(30);
        await setup.SummaryAtAsync("past", PochiWalk, cutoff.AddMilliseconds(-1), setup.Alice.Id);
        await setup.SummaryAtAsync("recent", RamenShop, cutoff, setup.Alice.Id);

        Assert.Equal(["mt.recent"], (await ListAsync(setup.Alice)).Select(i => i.String("id")));
    }

    [Fact]
    public async Task Deleting_a_memory_removes_it_alone_and_a_shared_summary_stays_for_the_others()
    {
        await using var setup = await Setup.StartAsync();
        await setup.RememberAsync(setup.Alice, Pochi);
        await setup.RememberAsync(setup.Alice, Ramen);
        await setup.SummaryAsync("shared", PochiWalk, setup.Alice.Id, setup.Bob.Id);
        var pochi = (await ListAsync(setup.Alice)).Single(i => i.String("text") == Pochi).String("id")!;

        Assert.Equal(HttpStatusCode.NoContent, await DeleteAsync(setup.Alice, pochi));
        Assert.Equal(HttpStatusCode.NoContent, await DeleteAsync(setup.Alice, "mt.shared"));

        Assert.Equal([Ramen], (await ListAsync(setup.Alice)).Select(i => i.String("text")));
        Assert.Equal(["mt.shared"], (await ListAsync(setup.Bob)).Select(i => i.String("id")));
        using var again = await setup.Alice.Client.DeleteAsync($"{Path}/{pochi}");
        await again.AssertProblemAsync(HttpStatusCode.NotFound, "E4040");
    }

    [Fact]
    public async Task Someone_elses_memory_is_not_found_and_stays()
    {
        await using var setup = await Setup.StartAsync();
        await setup.RememberAsync(setup.Alice, Pochi);
        await setup.SummaryAsync("hers", PochiWalk, setup.Alice.Id);
        var ids = (await ListAsync(setup.Alice)).Select(i => i.String("id")!).ToList();

        foreach (var id in ids)
        {
            using var response = await setup.Bob.Client.DeleteAsync($"{Path}/{id}");
            await response.AssertProblemAsync(HttpStatusCode.NotFound, "E4040");
        }

        Assert.Equal(ids, (await ListAsync(setup.Alice)).Select(i => i.String("id")));
    }

    [Theory]
    [InlineData("GET", Path)]
    [InlineData("DELETE", Path + "/lt.lumina.0123456789abcdef0123456789abcdef")]
    [InlineData("GET", "/api/v1/auth/me/export")]
    [InlineData("DELETE", "/api/v1/auth/me")]
    public async Task Without_a_valid_access_token_every_route_is_401(string method, string route)
    {
        await using var setup = await Setup.StartAsync();
        using var anonymous = setup.Host.Factory.CreateClient();
        using var forged = setup.Host.Factory.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Resigned(setup.Alice.AccessToken));

        foreach (var client in new[] { anonymous, forged })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), route));
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "E8002");
        }

        Assert.NotNull(await setup.Host.Grains.GetGrain<LlmMultiChat.Grains.Users.IUserGrain>(setup.Alice.Id).Profile());
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
        await using var setup = await Setup.StartAsync();

        using var response = await setup.Alice.Client.DeleteAsync($"{Path}/{id}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "E4004");
    }

    [Theory]
    [InlineData("lt.lumina.0123456789abcdef0123456789abcdef")]
    [InlineData("lt.no-such-character.0123456789abcdef0123456789abcdef")]
    [InlineData("mt.no-such-summary")]
    public async Task A_well_formed_unknown_memory_id_is_not_found(string id)
    {
        await using var setup = await Setup.StartAsync();

        using var response = await setup.Alice.Client.DeleteAsync($"{Path}/{id}");

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
        await using var setup = await Setup.StartAsync();

        using var response = await setup.Alice.Client.GetAsync(Path + query);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        }
    }

    [Fact]
    public async Task A_query_longer_than_1000_characters_is_refused()
    {
        await using var setup = await Setup.StartAsync();

        using var response = await setup.Alice.Client.GetAsync($"{Path}?q={new string('あ', 1001)}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "E4000");
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task A_guest_reads_and_deletes_their_own_memories()
    {
        await using var setup = await Setup.StartAsync();
        using var guest = await setup.Host.SignUpAsync("guesty", "guest");
        await setup.RememberAsync(guest, Pochi);

        var id = Assert.Single(await ListAsync(guest)).String("id")!;

        Assert.Equal(HttpStatusCode.NoContent, await DeleteAsync(guest, id));
        Assert.Empty(await ListAsync(guest));
    }

    [Fact]
    public async Task The_admin_route_erases_through_the_same_path_as_erasing_oneself()
    {
        await using var setup = await Setup.StartAsync();
        await setup.RememberAsync(setup.Alice, Pochi);
        await setup.SummaryAsync("hers", PochiWalk, setup.Alice.Id);
        var bobs = (await ConversationHost.CreateAsync(setup.Bob, "lumina")).String("id")!;
        await ConversationHost.InviteAsync(setup.Bob, bobs, setup.Alice);
        await ConversationHost.SendAsync(setup.Alice, bobs, "ボブの部屋でこんにちは");

        using var erased = await setup.Host.Admin.Client.DeleteAsync($"/api/v1/admin/users/{setup.Alice.Id}");

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Empty(await setup.Host.Grains.GetGrain<ICharacterGrain>("lumina").MemoriesOf(setup.Alice.Id));
        Assert.Empty(await setup.Host.Factory.Services.GetRequiredService<ISessionSummaryStore>().ForUserAsync(setup.Alice.Id, DateTimeOffset.MinValue, CancellationToken.None));
        var human = (await ConversationHost.MessagesAsync(setup.Bob, bobs)).GetProperty("messages")[0];
        Assert.Equal((ErasedHuman.Id, string.Empty), (human.String("speakerId"), human.String("content")));
    }

    [Fact]
    public async Task An_admin_cannot_erase_their_own_account_through_me()
    {
        await using var setup = await Setup.StartAsync();

        using var response = await setup.Host.Admin.Client.DeleteAsync("/api/v1/auth/me");

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "E4090");
        Assert.NotNull(await setup.Host.Grains.GetGrain<LlmMultiChat.Grains.Users.IUserGrain>(setup.Host.Admin.Id).Profile());
    }

    private static async Task<List<JsonElement>> ListAsync(TestUser caller, string query = "")
    {
        using var response = await caller.Client.GetAsync(Path + query);
        var body = await ConversationHost.SuccessJsonAsync(response);
        return [.. body.GetProperty("items").EnumerateArray()];
    }

    private static async Task<HttpStatusCode> DeleteAsync(TestUser caller, string id)
    {
        using var response = await caller.Client.DeleteAsync($"{Path}/{id}");
        return response.StatusCode;
    }

    /// <summary>The token with its signature made with another key: everything else genuine.</summary>
    private static string Resigned(string token)
    {
        var signed = token[..token.LastIndexOf('.')];
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes("an-attackers-key-that-is-long-enough-for-hs256"), Encoding.ASCII.GetBytes(signed));
        return $"{signed}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>A host on a manual clock with two users, alice and bob.</summary>
    private sealed class Setup : IAsyncDisposable
    {
        private Setup(ConversationHost host, ManualTimeProvider clock, TestUser alice, TestUser bob)
        {
            Host = host;
            Clock = clock;
            Alice = alice;
            Bob = bob;
        }

        public ConversationHost Host { get; }

        public ManualTimeProvider Clock { get; }

        public TestUser Alice { get; }

        public TestUser Bob { get; }

        public static async Task<Setup> StartAsync()
        {
            var clock = new ManualTimeProvider();
            var host = await ConversationHost.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(clock));
            return new Setup(host, clock, await host.SignUpAsync("alice"), await host.SignUpAsync("bob"));
        }

        /// <summary>Lumina keeps what the user said, a second later than the last thing kept.</summary>
        public async Task RememberAsync(TestUser user, string said)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            await Host.Grains.GetGrain<ICharacterGrain>("lumina").Remember(user.Id, said, "m-" + Guid.NewGuid().ToString("N"));
        }

        /// <summary>A summary of a thread with Lumina, kept for the users, a second later than the last thing kept.</summary>
        public Task SummaryAsync(string id, string text, params string[] userIds)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            return SummaryAtAsync(id, text, Clock.GetUtcNow(), userIds);
        }

        public async Task SummaryAtAsync(string id, string text, DateTimeOffset at, params string[] userIds)
        {
            var embedder = Host.Factory.Services.GetRequiredService<IEmbedder>();
            var summary = new SessionSummary(id, "c-" + id, userIds, ["lumina"], text, [], embedder.Model, await embedder.EmbedAsync(text, CancellationToken.None), 0, 11, 12, at);
            await Host.Factory.Services.GetRequiredService<ISessionSummaryStore>().AddAsync(summary, CancellationToken.None);
        }

        public async ValueTask DisposeAsync()
        {
            Alice.Dispose();
            Bob.Dispose();
            await Host.DisposeAsync();
        }
    }
}
