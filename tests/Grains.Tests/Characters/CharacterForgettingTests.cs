using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Memory;
using LlmMultiChat.Grains.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Silo;
using Silo.Storage;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Characters;

/// <summary>A user's memories as a character lists and forgets them: only theirs, stored when the call returns.</summary>
public sealed class CharacterForgettingTests
{
    private const string Pochi = "うちの犬の名前はポチです";
    private const string Ramen = "好きな食べ物はラーメンです";
    private const string Tama = "うちの猫の名前はタマです";

    private static readonly Persona Mira = new() { Name = "ミラ" };
    private static readonly GrainId MiraId = GrainId.Create("character", "mira");

    [Fact]
    public async Task A_users_memories_are_listed_newest_first_with_importance_as_score_and_no_one_elses()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);
        await mira.Remember("alice", Pochi, "m1");
        silo.Time.Advance(TimeSpan.FromSeconds(1));
        await mira.Remember("alice", Ramen, "m2");
        await mira.Remember("bob", Tama, "m3");

        var listed = await mira.MemoriesOf("alice");

        Assert.Equal(["m2", "m1"], listed.Select(m => m.SourceMessageId));
        Assert.All(listed, m => Assert.Equal((0, m.Importance), (m.Relevance, m.Score)));
        Assert.Empty(await silo.GetGrain<ICharacterGrain>("nobody").MemoriesOf("alice"));
    }

    [Fact]
    public async Task Forgetting_a_memory_removes_it_from_listing_and_recall_and_leaves_the_rest()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);
        await mira.Remember("alice", Pochi, "m1");
        await mira.Remember("alice", Ramen, "m2");
        var pochi = (await mira.MemoriesOf("alice")).Single(m => m.SourceMessageId == "m1");

        Assert.True(await mira.Forget("alice", pochi.Id));

        Assert.Equal(["m2"], (await mira.MemoriesOf("alice")).Select(m => m.SourceMessageId));
        Assert.Empty(await mira.Recall("alice", "私の犬の名前を覚えてる？", 10));
        Assert.False(await mira.Forget("alice", pochi.Id));
    }

    [Fact]
    public async Task A_memory_of_someone_else_or_an_unknown_id_is_not_forgotten()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);
        await mira.Remember("bob", Tama, "m1");
        var bobs = Assert.Single(await mira.MemoriesOf("bob"));

        Assert.False(await mira.Forget("alice", bobs.Id));
        Assert.False(await mira.Forget("bob", "no-such-memory"));
        Assert.False(await silo.GetGrain<ICharacterGrain>("nobody").Forget("bob", bobs.Id));

        Assert.Equal([bobs.Id], (await mira.MemoriesOf("bob")).Select(m => m.Id));
    }

    [Fact]
    public async Task Forgetting_a_user_removes_all_their_memories_only()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);
        await mira.Remember("alice", Pochi, "m1");
        await mira.Remember("alice", Ramen, "m2");
        await mira.Remember("bob", Tama, "m3");

        Assert.Equal(2, await mira.ForgetUser("alice"));

        Assert.Empty(await mira.MemoriesOf("alice"));
        Assert.Empty(await mira.Recall("alice", Ramen, 10));
        Assert.Equal(["m3"], (await mira.Recall("bob", Tama, 10)).Select(m => m.SourceMessageId));
        Assert.Equal(0, await mira.ForgetUser("alice"));
        Assert.Equal(0, await silo.GetGrain<ICharacterGrain>("nobody").ForgetUser("alice"));
    }

    [Fact]
    public async Task What_is_forgotten_is_gone_from_storage_when_the_call_returns()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);
        await mira.Remember("alice", Pochi, "m1");
        await mira.Remember("bob", Tama, "m2");
        var bobs = Assert.Single(await mira.MemoriesOf("bob"));

        await mira.ForgetUser("alice");
        var alicesAfter = await StoredAsync(silo, "alice");
        var bobsAfterAlice = await StoredAsync(silo, "bob");
        await mira.Forget("bob", bobs.Id);
        var bobsAfter = await StoredAsync(silo, "bob");

        Assert.Empty(alicesAfter.Memories);
        Assert.Equal(["m2"], bobsAfterAlice.Memories.Select(m => m.SourceMessageId));
        Assert.Empty(bobsAfter.Memories);
    }

    [Fact]
    public async Task Forgetting_works_on_an_activation_that_has_not_loaded_its_memories()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);
        await mira.Remember("alice", Pochi, "m1");
        silo.Time.Advance(TimeSpan.FromMinutes(16));
        await silo.WhenDeactivated(MiraId).WaitOrFail("the idle character to be collected");

        Assert.Equal(1, await mira.ForgetUser("alice"));

        Assert.Empty((await StoredAsync(silo, "alice")).Memories);
    }

    [Fact]
    public async Task A_failed_write_makes_forgetting_fail_instead_of_pretending()
    {
        var store = new FailingSavesMemoryStore();
        await using var silo = await TestSilo.StartAsync(
            b => b.AddGrain<CharacterGrain>().AddGrain<CharacterDirectoryGrain>(),
            services =>
            {
                services.AddSingleton<ICharacterMemoryStore>(store);
                services.AddChatGrains(new ConfigurationBuilder().Build());
            });
        var mira = await CreateAsync(silo);
        await mira.Remember("alice", Pochi, "m1");
        store.FailSaves = true;

        await Assert.ThrowsAsync<GrainStorageException>(() => mira.ForgetUser("alice"));
        store.FailSaves = false;
        Assert.Single((await store.ReadAsync("mira", "alice", CancellationToken.None)).Memories);
    }

    [Fact]
    public async Task Forgetting_a_concept_takes_it_and_its_edges_out_of_the_graph_and_storage_whoever_taught_it()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);
        await mira.LearnConcepts(["Alice", "コーヒー", "朝"], []);

        Assert.True(await mira.ForgetConcept("ALICE"));

        var view = await mira.Associations("コーヒー", 2, 0, 50, "bob");
        Assert.Equal(["コーヒー", "朝"], view!.Nodes.Select(n => n.Name));
        Assert.Equal(["コーヒー", "朝"], (await StoredGraphAsync(silo)).Nodes.Select(n => n.Name));
        Assert.False(await mira.ForgetConcept("alice"));
        Assert.False(await silo.GetGrain<ICharacterGrain>("nobody").ForgetConcept("alice"));
    }

    [Fact]
    public async Task Forgetting_a_user_forgets_their_lessons_and_the_concepts_only_their_conversations_taught()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);
        await mira.LearnConcepts(["ポチ", "散歩"], ["alice"]);
        await mira.LearnConcepts(["散歩", "公園"], ["alice", "bob"]);
        await mira.KeepLessons("alice", [new NewLesson("もっと短く答える", "長すぎる")]);
        await mira.KeepLessons("bob", [new NewLesson("丁寧に話す", "失礼だ")]);

        Assert.Equal(1, await mira.ForgetUser("alice"));

        Assert.Empty((await StoredAsync(silo, "alice")).Lessons);
        Assert.Single((await StoredAsync(silo, "bob")).Lessons);
        Assert.Equal(["散歩", "公園"], (await StoredGraphAsync(silo)).Nodes.Select(n => n.Name));
        Assert.All((await StoredGraphAsync(silo)).Nodes, n => Assert.DoesNotContain("alice", n.HeardFrom ?? []));
    }

    private static async Task<ICharacterGrain> CreateAsync(TestSilo silo)
    {
        var grain = silo.GetGrain<ICharacterGrain>("mira");
        await grain.Create(Mira, "alice", CharacterVisibility.Public);
        return grain;
    }

    private static async Task<AssociationGraphSnapshot> StoredGraphAsync(TestSilo silo)
    {
        var stored = new GrainState<CharacterAssociationState>(new CharacterAssociationState());
        await silo.Services.GetRequiredKeyedService<IGrainStorage>("Default").ReadStateAsync("associations", MiraId, stored, CancellationToken.None);
        return stored.State.Graph!;
    }

    private static Task<UserMemories> StoredAsync(TestSilo silo, string userId) =>
        silo.Services.GetRequiredService<ICharacterMemoryStore>().ReadAsync("mira", userId, CancellationToken.None);
}
