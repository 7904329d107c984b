using System.Net;
using System.Text.Json;
using LlmMultiChat.ApiHost.Tests.Characters;
using LlmMultiChat.ApiHost.Tests.Conversations.Support;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Memory;
using LlmMultiChat.Grains.Users;
using Microsoft.Extensions.DependencyInjection;
using Silo.Testing;

namespace LlmMultiChat.ApiHost.Tests.Memories;

/// <summary>The caller's memories over REST: listing, filtering, search, deletion, and who may do what.</summary>
public sealed class MemoriesApiTests
{
    internal const string Path = "/api/v1/memories";
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
        Assert.True(midTerm[0].GetProperty("relevance").GetDouble() > 0);
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
        Assert.NotNull(await setup.Host.Grains.GetGrain<IUserGrain>(setup.Host.Admin.Id).Profile());
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
