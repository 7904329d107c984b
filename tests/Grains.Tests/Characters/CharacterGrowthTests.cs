using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Growth;
using Silo;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Characters;

/// <summary>A character's growth: counted per KPI event, reported with what its level gives, kept and deleted with it.</summary>
public sealed class CharacterGrowthTests
{
    private static readonly Persona Mira = new() { Name = "ミラ" };

    [Fact]
    public async Task A_kpi_event_reports_the_levels_it_reached_and_what_the_level_gives()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);

        GrowthProgress last = null!;
        for (var i = 0; i < 25; i++)
        {
            last = await mira.RecordGrowth(GrowthKpi.ThumbsUp);
        }

        Assert.Equal((250L, 5, 360L), (last.Xp, last.Level, last.NextLevelXp));
        Assert.Equal([new LevelReached(5, ["advanced_search"])], last.LevelsReached, LevelEquality);
        Assert.Equal(["advanced_search"], last.Unlocked);
        Assert.Empty((await mira.Growth())!.LevelsReached);
    }

    [Fact]
    public async Task Growth_survives_reactivation_and_a_level_is_not_reported_twice()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);
        for (var i = 0; i < 4; i++)
        {
            await mira.RecordGrowth(GrowthKpi.ThumbsUp);
        }

        await mira.RecordGrowth(GrowthKpi.Conversation);
        await ReactivateAsync(silo);
        var reloaded = (await mira.Growth())!;
        var next = await mira.RecordGrowth(GrowthKpi.ThumbsDown);

        Assert.Equal((41L, 2, 4, 1), (reloaded.Xp, reloaded.Level, reloaded.ThumbsUp, reloaded.Conversations));
        Assert.Equal((41L, 2, 1), (next.Xp, next.Level, next.ThumbsDown));
        Assert.Empty(next.LevelsReached);
    }

    [Fact]
    public async Task Deleting_a_character_deletes_its_growth()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);
        await mira.RecordGrowth(GrowthKpi.ThumbsUp);

        await mira.Delete("alice");
        var gone = await mira.Growth();
        await Assert.ThrowsAsync<KeyNotFoundException>(() => mira.RecordGrowth(GrowthKpi.ThumbsUp));
        await mira.Create(Mira, "alice", CharacterVisibility.Public);
        var recreated = (await mira.Growth())!;
        await ReactivateAsync(silo);
        var reloaded = (await mira.Growth())!;

        Assert.Null(gone);
        Assert.Equal((0L, 0, 0), (recreated.Xp, recreated.Level, recreated.ThumbsUp));
        Assert.Equal((0L, 0, 0), (reloaded.Xp, reloaded.Level, reloaded.ThumbsUp));
    }

    private static readonly IEqualityComparer<LevelReached> LevelEquality =
        EqualityComparer<LevelReached>.Create((a, b) => a!.Level == b!.Level && a.Unlocked.SequenceEqual(b.Unlocked), l => l.Level);

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
