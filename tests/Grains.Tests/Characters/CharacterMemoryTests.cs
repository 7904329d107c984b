using LlmMultiChat.Grains.Characters;
using Silo;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Characters;

/// <summary>A character's long-term memories of its users: what is kept, how it is recalled, kept and deleted with it.</summary>
public sealed class CharacterMemoryTests
{
    private const string Pochi = "うちの犬の名前はポチです";

    private const string Ramen = "ラーメンが大好きで本当に嬉しい！";
    private const string Tower = "東京タワーの夜景は本当に素晴らしい、大好き！";

    private static readonly Persona Mira = new() { Name = "ミラ" };

    [Theory]
    [InlineData("うん")]
    [InlineData("ok")]
    [InlineData("こんにちは")]
    [InlineData("了解です")]
    [InlineData("私の犬の名前を覚えてる？")]
    public async Task Small_talk_and_questions_are_not_kept(string said)
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);

        await mira.Remember("alice", said, "m1");

        Assert.Empty(await mira.Recall("alice", said, 10));
    }

    [Theory]
    [InlineData(Pochi, "私の犬の名前を覚えてる？")]
    [InlineData("my dog is called Pochi", "what is my dog called?")]
    public async Task A_statement_of_fact_is_kept_with_its_source_and_recalled_by_a_related_question(string said, string question)
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);

        await mira.Remember("alice", said, "m1");
        var recalled = Assert.Single(await mira.Recall("alice", question, 10));

        Assert.Equal((said, "m1"), (recalled.Text, recalled.SourceMessageId));
        Assert.InRange(recalled.Importance, 0.3, 1);
    }

    [Fact]
    public async Task A_statement_already_remembered_is_not_kept_again()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);

        await mira.Remember("alice", Pochi, "m1");
        await mira.Remember("alice", Pochi, "m2");

        Assert.Equal(["m1"], (await mira.Recall("alice", Pochi, 10)).Select(m => m.SourceMessageId));
    }

    [Fact]
    public async Task Recall_ranks_the_most_relevant_first_and_only_from_that_users_memories()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);
        await mira.Remember("alice", Pochi, "m1");
        await mira.Remember("alice", "好きな食べ物はラーメンです", "m2");
        await mira.Remember("bob", "うちの猫の名前はタマです", "m3");

        var aboutFood = await mira.Recall("alice", "好きな食べ物は何だっけ", 10);
        var bobs = await mira.Recall("bob", Pochi, 10);

        Assert.Equal("m2", aboutFood[0].SourceMessageId);
        Assert.Equal(["m3"], bobs.Select(m => m.SourceMessageId));
    }

    [Fact]
    public async Task Beyond_the_cap_the_least_important_memory_of_that_user_is_dropped()
    {
        await using var silo = await CharacterSilo.StartAsync(new Dictionary<string, string?> { ["LongTermMemory:MaxPerUser"] = "2" });
        var mira = await CreateAsync(silo);
        await mira.Remember("alice", Pochi, "m1");
        // Strong feeling adds importance (0.4·|valence|), so the neutral statements are the least important.
        await mira.Remember("alice", Ramen, "m2");
        await mira.Remember("alice", Tower, "m3");
        await mira.Remember("bob", Pochi, "b1");

        var recalled = await Task.WhenAll(new[] { Pochi, Ramen, Tower }.Select(said => mira.Recall("alice", said, 10)));

        Assert.Equal(["m2", "m3"], recalled.SelectMany(r => r).Select(m => m.SourceMessageId).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["b1"], (await mira.Recall("bob", Pochi, 10)).Select(m => m.SourceMessageId));
    }

    [Fact]
    public async Task Memories_survive_reactivation()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);
        await mira.Remember("alice", Pochi, "m1");

        await ReactivateAsync(silo);

        Assert.Equal(["m1"], (await mira.Recall("alice", Pochi, 10)).Select(m => m.SourceMessageId));
    }

    [Fact]
    public async Task Deleting_a_character_deletes_its_memories()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);
        await mira.Remember("alice", Pochi, "m1");

        await mira.Delete("alice");
        var gone = await mira.Recall("alice", Pochi, 10);
        await mira.Create(Mira, "alice", CharacterVisibility.Public);
        var recreated = await mira.Recall("alice", Pochi, 10);
        await ReactivateAsync(silo);
        var reloaded = await mira.Recall("alice", Pochi, 10);

        Assert.Empty(gone);
        Assert.Empty(recreated);
        Assert.Empty(reloaded);
    }

    private static async Task<ICharacterGrain> CreateAsync(TestSilo silo)
    {
        var grain = silo.GetGrain<ICharacterGrain>("mira");
        await grain.Create(Mira, "alice", CharacterVisibility.Public);
        return grain;
    }

    private static async Task ReactivateAsync(TestSilo silo)
    {
        silo.Time.Advance(TimeSpan.FromMinutes(16));
        await silo.WhenDeactivated(GrainId.Create("character", "mira")).WaitOrFail("the idle character to be collected");
    }
}
