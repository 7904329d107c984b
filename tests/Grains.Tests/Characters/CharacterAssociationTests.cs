using LlmMultiChat.Grains.Characters;
using Silo;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Characters;

/// <summary>A character's associative memory: learned per message, viewed around a concept, kept, decayed and deleted with it.</summary>
public sealed class CharacterAssociationTests
{
    private static readonly Persona Mira = new() { Name = "ミラ" };

    // Learning ["東京", "タワー", "夜景"]: neighbours 1/(1 + 0.3), two apart 1/(1 + 0.6).
    private const double Adjacent = 1 / 1.3;
    private const double TwoApart = 1 / 1.6;

    [Fact]
    public async Task A_view_has_the_centre_the_concepts_reached_with_path_strengths_and_the_edges_among_them()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);
        await mira.LearnConcepts(["東京", "タワー", "夜景"], []);
        await mira.LearnConcepts(["夜景", "横浜"], []);

        var view = (await mira.Associations("東京", depth: 2, threshold: 0.3, maxNodes: 50, "viewer"))!;

        Assert.Equal(("東京", 2, 0.3), (view.Center, view.Depth, view.Threshold));
        Assert.Equal(
            [(0, "東京", 0, 1.0), (1, "タワー", 1, Rounded(Adjacent)), (2, "夜景", 1, Rounded(TwoApart)), (3, "横浜", 2, Rounded(TwoApart * Adjacent))],
            view.Nodes.Select(n => (n.Id, n.Name, n.Distance, Rounded(n.Strength))));
        Assert.Equal(
            [(0, 1, Rounded(Adjacent)), (0, 2, Rounded(TwoApart)), (1, 2, Rounded(Adjacent)), (2, 3, Rounded(Adjacent))],
            view.Edges.Select(e => (Math.Min(e.Source, e.Target), Math.Max(e.Source, e.Target), Rounded(e.Strength))).Order());
    }

    [Fact]
    public async Task Without_a_centre_the_view_starts_at_the_most_connected_concept_and_honours_depth_threshold_and_max_nodes()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);
        await mira.LearnConcepts(["映画", "ポップコーン"], []);
        await mira.LearnConcepts(["映画", "映画館"], []);
        await mira.LearnConcepts(["映画", "監督", "ポップコーン", "塩味"], []);

        var hub = (await mira.Associations(null, depth: 3, threshold: 0, maxNodes: 200, "viewer"))!;
        var shallow = (await mira.Associations("映画", depth: 1, threshold: 0.6, maxNodes: 200, "viewer"))!;
        var deeper = (await mira.Associations("映画", depth: 2, threshold: 0.6, maxNodes: 200, "viewer"))!;
        var strong = (await mira.Associations("映画", depth: 3, threshold: 0.8, maxNodes: 200, "viewer"))!;
        var two = (await mira.Associations("映画", depth: 3, threshold: 0, maxNodes: 2, "viewer"))!;

        // 映画 has four edges (ポップコーン strengthened once); 塩味 is three apart from it (0.53) but next to ポップコーン.
        Assert.Equal(("映画", 5), (hub.Center, hub.Nodes.Count));
        Assert.Equal(["ポップコーン", "映画館", "監督"], shallow.Nodes.Skip(1).Select(n => n.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, deeper.Nodes.Single(n => n.Name == "塩味").Distance);
        Assert.Equal(["映画", "ポップコーン"], strong.Nodes.Select(n => n.Name));
        Assert.Single(strong.Edges);
        Assert.Equal(["映画", "ポップコーン"], two.Nodes.Select(n => n.Name));
    }

    [Fact]
    public async Task A_centre_is_found_whatever_its_width_or_case_and_an_unknown_one_gives_an_empty_view()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);
        await mira.LearnConcepts(["tokyo", "tower"], []);

        var typed = (await mira.Associations("ＴＯＫＹＯ", 2, 0.3, 50, "viewer"))!;
        var unknown = (await mira.Associations("大阪", 2, 0.3, 50, "viewer"))!;
        var nothing = (await (await CreateAsync(silo, "nox")).Associations(null, 2, 0.3, 50, "viewer"))!;

        Assert.Equal(["tokyo", "tower"], typed.Nodes.Select(n => n.Name));
        Assert.Equal(("大阪", 0, 0), (unknown.Center, unknown.Nodes.Count, unknown.Edges.Count));
        Assert.Null(nothing.Center);
        Assert.Empty(nothing.Nodes);
    }

    [Fact]
    public async Task A_missing_character_has_no_view_and_cannot_learn_and_bad_arguments_are_refused()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var ghost = silo.GetGrain<ICharacterGrain>("ghost");
        var mira = await CreateAsync(silo);

        Assert.Null(await ghost.Associations(null, 2, 0.3, 50, "viewer"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => ghost.LearnConcepts(["a", "b"], []));
        await Assert.ThrowsAsync<ArgumentException>(() => mira.LearnConcepts(["a", " "], []));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => mira.Associations(null, 0, 0.3, 50, "viewer"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => mira.Associations(null, 4, 0.3, 50, "viewer"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => mira.Associations(null, 2, 1.5, 50, "viewer"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => mira.Associations(null, 2, double.NaN, 50, "viewer"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => mira.Associations(null, 2, 0.3, 0, "viewer"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => mira.Associations(null, 2, 0.3, 201, "viewer"));
    }

    [Fact]
    public async Task The_graph_survives_reactivation()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);
        await mira.LearnConcepts(["東京", "タワー", "夜景"], []);
        await mira.LearnConcepts(["東京", "タワー"], []);
        var before = (await mira.Associations("東京", 2, 0.3, 50, "viewer"))!;

        await ReactivateAsync(silo);
        var after = (await mira.Associations("東京", 2, 0.3, 50, "viewer"))!;

        Assert.Equal(Adjacent + (Adjacent * 0.1), before.Nodes.Single(n => n.Name == "タワー").Strength, 10);
        Assert.Equal(before.Nodes, after.Nodes);
        Assert.Equal(before.Edges, after.Edges);
    }

    [Fact]
    public async Task An_active_character_forgets_idle_associations_as_time_passes_and_drops_the_weak_ones()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);
        await mira.LearnConcepts(["東京", "タワー"], []);
        await mira.Associations("東京", 1, 0, 50, "viewer");

        silo.Time.Advance(TimeSpan.FromDays(60));
        var decayed = (await mira.Associations("東京", 1, 0, 50, "viewer"))!;
        silo.Time.Advance(TimeSpan.FromDays(30 * 38));
        var forgotten = (await mira.Associations("東京", 1, 0, 50, "viewer"))!;

        Assert.Equal(Adjacent * 0.95 * 0.95, decayed.Nodes[1].Strength, 10);
        Assert.Equal(["東京"], forgotten.Nodes.Select(n => n.Name));
        Assert.Empty(forgotten.Edges);
    }

    [Fact]
    public async Task Deleting_a_character_deletes_its_graph()
    {
        await using var silo = await CharacterSilo.StartAsync();
        var mira = await CreateAsync(silo);
        await mira.LearnConcepts(["東京", "タワー"], []);

        await mira.Delete("alice");
        var gone = await mira.Associations(null, 2, 0.3, 50, "viewer");
        await mira.Create(Mira, "alice", CharacterVisibility.Public);
        var recreated = (await mira.Associations(null, 2, 0.3, 50, "viewer"))!;
        await ReactivateAsync(silo);
        var reloaded = (await mira.Associations("東京", 2, 0.3, 50, "viewer"))!;

        Assert.Null(gone);
        Assert.Null(recreated.Center);
        Assert.Empty(recreated.Nodes);
        Assert.Empty(reloaded.Nodes);
    }

    private static async Task<ICharacterGrain> CreateAsync(TestSilo silo, string id = "mira")
    {
        var grain = silo.GetGrain<ICharacterGrain>(id);
        await grain.Create(Mira, "alice", CharacterVisibility.Public);
        return grain;
    }

    private static double Rounded(double strength) => Math.Round(strength, 10);

    private static async Task ReactivateAsync(TestSilo silo)
    {
        silo.Time.Advance(TimeSpan.FromMinutes(16));
        await silo.WhenDeactivated(GrainId.Create("character", "mira")).WaitOrFail("the idle character to be collected");
    }
}
