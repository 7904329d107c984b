using LlmMultiChat.Grains.Memory;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Memory;

public sealed class AssociationGraphTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly AssociationGraph _graph;

    public AssociationGraphTests()
    {
        _graph = new AssociationGraph(_time);
    }

    [Fact]
    public void Removing_a_concept_drops_it_and_its_edges_whoever_taught_it_and_the_snapshot_keeps_the_rest()
    {
        _graph.Learn(["alice", "coffee"], ["u1", "u2"]);
        _graph.Link("coffee", "morning", 0.7);
        _graph.Link("morning", "alice", 0.4);

        Assert.True(_graph.Remove("alice"));
        var reloaded = AssociationGraph.FromSnapshot(_graph.ToSnapshot(), _time);

        Assert.False(reloaded.Contains("alice"));
        Assert.Equal((2, 1), (reloaded.ConceptCount, reloaded.EdgeCount));
        Assert.Equal(0.7, reloaded.Strength("coffee", "morning")!.Value, 10);
        Assert.False(_graph.Remove("alice"));
    }

    [Fact]
    public void Strengthening_adds_the_delta_0_5_plus_0_2_is_0_7()
    {
        _graph.Link("coffee", "morning", 0.5);

        var strength = _graph.Strengthen("morning", "coffee", 0.2);

        Assert.Equal(0.7, strength, 10);
        Assert.Equal(0.7, _graph.Strength("coffee", "morning")!.Value, 10);
    }

    [Fact]
    public void Strengthening_is_capped_at_1()
    {
        _graph.Link("coffee", "morning", 0.9);

        Assert.Equal(1.0, _graph.Strengthen("coffee", "morning", 0.3), 10);
        Assert.Equal(1.0, _graph.Strengthen("coffee", "morning", 0.3), 10);
    }

    [Fact]
    public void Learning_links_concepts_within_three_positions_by_one_over_one_plus_0_3_distance()
    {
        _graph.Learn(["a", "b", "c", "d", "e"]);

        Assert.Equal(1 / 1.3, _graph.Strength("a", "b")!.Value, 10);
        Assert.Equal(1 / 1.6, _graph.Strength("a", "c")!.Value, 10);
        Assert.Equal(1 / 1.9, _graph.Strength("a", "d")!.Value, 10);
        Assert.Null(_graph.Strength("a", "e"));
        Assert.Equal(9, _graph.EdgeCount);
    }

    [Fact]
    public void Learning_an_existing_pair_again_strengthens_it_by_a_tenth_of_its_count()
    {
        _graph.Learn(["tea", "kyoto"]);
        _graph.Learn(["tea", "x", "kyoto"]);

        Assert.Equal((1 / 1.3) + (0.1 / 1.6), _graph.Strength("tea", "kyoto")!.Value, 10);
    }

    [Fact]
    public void An_edge_idle_for_30_days_decays_by_5_percent_once_per_idle_period()
    {
        _graph.Link("rain", "umbrella", 0.8);

        _time.Advance(TimeSpan.FromDays(29));
        Assert.Equal(new AssociationMaintenance(0, 0), _graph.Decay());
        Assert.Equal(0.8, _graph.Strength("rain", "umbrella")!.Value, 10);

        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new AssociationMaintenance(1, 0), _graph.Decay());
        _graph.Decay();
        Assert.Equal(0.8 * 0.95, _graph.Strength("rain", "umbrella")!.Value, 10);

        _time.Advance(TimeSpan.FromDays(60));
        _graph.Decay();
        Assert.Equal(0.8 * 0.95 * 0.95 * 0.95, _graph.Strength("rain", "umbrella")!.Value, 10);
    }

    [Fact]
    public void Activation_restarts_the_idle_clock()
    {
        _graph.Link("rain", "umbrella", 0.5);
        _time.Advance(TimeSpan.FromDays(20));
        _graph.Strengthen("rain", "umbrella", 0.1);

        _time.Advance(TimeSpan.FromDays(20));
        _graph.Decay();

        Assert.Equal(0.6, _graph.Strength("rain", "umbrella")!.Value, 10);
    }

    [Fact]
    public void Edges_that_fall_below_0_1_are_deleted()
    {
        _graph.Link("old", "memory", 0.105);
        _graph.Link("old", "friend", 0.5);

        _time.Advance(TimeSpan.FromDays(30));
        var maintenance = _graph.Decay();

        Assert.Equal(new AssociationMaintenance(2, 1), maintenance);
        Assert.Null(_graph.Strength("old", "memory"));
        Assert.Equal(0.475, _graph.Strength("old", "friend")!.Value, 10);
        Assert.Equal(1, _graph.EdgeCount);
        Assert.Empty(_graph.Retrieve("memory", 3, 0));
    }

    [Fact]
    public void Retrieval_reaches_depth_3_with_the_best_path_strength_as_the_product_of_edges()
    {
        // movie –0.9– cinema –0.8– popcorn –0.5– salt –0.9– sea –0.9– wave, and a weaker shortcut movie –0.3– popcorn.
        // Salt's best path is the long one (0.9·0.8·0.5); sea is within three hops only through the shortcut
        // (0.3·0.5·0.9); wave is four hops away.
        _graph.Link("movie", "cinema", 0.9);
        _graph.Link("cinema", "popcorn", 0.8);
        _graph.Link("popcorn", "salt", 0.5);
        _graph.Link("salt", "sea", 0.9);
        _graph.Link("sea", "wave", 0.9);
        _graph.Link("movie", "popcorn", 0.3);

        var associations = _graph.Retrieve("movie", depth: 3, threshold: 0.2);

        Assert.Equal(
            [
                new Association("cinema", 0.9, 1),
                new Association("popcorn", 0.72, 2),
                new Association("salt", 0.36, 3),
                new Association("sea", 0.135, 3),
            ],
            associations.Select(a => a with { Strength = Math.Round(a.Strength, 10) }));
    }

    [Fact]
    public void Retrieval_depth_and_threshold_bound_the_walk()
    {
        _graph.Link("movie", "cinema", 0.9);
        _graph.Link("cinema", "popcorn", 0.8);
        _graph.Link("movie", "actor", 0.25);

        Assert.Equal(["cinema"], _graph.Retrieve("movie", depth: 1, threshold: 0.3).Select(a => a.Concept));
        Assert.Equal(["cinema", "popcorn"], _graph.Retrieve("movie", depth: 2, threshold: 0.3).Select(a => a.Concept));
        Assert.Equal(["cinema", "popcorn", "actor"], _graph.Retrieve("movie", depth: 2, threshold: 0.2).Select(a => a.Concept));
        Assert.Throws<ArgumentOutOfRangeException>(() => _graph.Retrieve("movie", depth: 4));
        Assert.Empty(_graph.Retrieve("unknown", depth: 3));
    }

    [Fact]
    public void Retrieval_returns_at_most_20_concepts_the_strongest()
    {
        for (var i = 0; i < 30; i++)
        {
            _graph.Link("hub", $"spoke{i:D2}", 0.4 + (i * 0.02));
        }

        var associations = _graph.Retrieve("hub", depth: 3);

        Assert.Equal(20, associations.Count);
        Assert.Equal(Enumerable.Range(10, 20).Reverse().Select(i => $"spoke{i:D2}"), associations.Select(a => a.Concept));
    }

    [Fact]
    public void A_topic_transition_scores_one_over_one_plus_the_hops_up_to_five()
    {
        _graph.Learn(["a", "b"]);
        _graph.Learn(["b", "x1", "x2", "x3", "x4", "x5", "x6"]);
        // The window links up to 3 apart, so x6 is two hops from b, three from a.

        Assert.Equal(1.0, _graph.TopicTransition("a", "a"));
        Assert.Equal(0.5, _graph.TopicTransition("a", "b"));
        Assert.Equal(1 / 3.0, _graph.TopicTransition("a", "x1"), 10);
        Assert.Equal(0.25, _graph.TopicTransition("a", "x6"), 10);
        Assert.Equal(0, _graph.TopicTransition("a", "unknown"));
    }

    [Fact]
    public void Concepts_further_than_five_hops_apart_score_zero()
    {
        string[] chain = ["c0", "c1", "c2", "c3", "c4", "c5", "c6"];
        for (var i = 0; i + 1 < chain.Length; i++)
        {
            _graph.Link(chain[i], chain[i + 1], 1.0);
        }

        Assert.Equal(1 / 6.0, _graph.TopicTransition("c0", "c5"), 10);
        Assert.Equal(0, _graph.TopicTransition("c0", "c6"));
    }

    [Fact]
    public void A_snapshot_restores_the_same_graph_and_its_decay_state()
    {
        _graph.Learn(["京都", "抹茶", "お寺"]);
        _graph.Link("rain", "umbrella", 0.8);
        _time.Advance(TimeSpan.FromDays(30));
        _graph.Decay();

        var snapshot = _graph.ToSnapshot();
        var restored = AssociationGraph.FromSnapshot(snapshot, _time);
        restored.Decay();

        Assert.Equal(5, snapshot.Nodes.Count);
        Assert.Equal(4, snapshot.Edges.Count);
        Assert.Equal(snapshot.Nodes, restored.ToSnapshot().Nodes);
        Assert.Equal(snapshot.Edges, restored.ToSnapshot().Edges);
        Assert.Equal(0.8 * 0.95, restored.Strength("umbrella", "rain")!.Value, 10);
        Assert.Equal(1, snapshot.Nodes.Single(n => n.Name == "京都").ActivationCount);
    }

    [Fact]
    public void A_snapshot_with_an_edge_to_a_missing_node_is_refused()
    {
        var snapshot = new AssociationGraphSnapshot([new ConceptNode("a", 0, _time.GetUtcNow())], [new ConceptEdge(0, 1, 0.5, 1, _time.GetUtcNow(), 0)]);

        Assert.Throws<ArgumentException>(() => AssociationGraph.FromSnapshot(snapshot, _time));
    }

    [Fact]
    public void Retrieval_can_return_fewer_or_more_than_the_default_20()
    {
        for (var i = 0; i < 30; i++)
        {
            _graph.Link("hub", $"leaf{i:00}", 0.5 + (i / 100.0));
        }

        Assert.Equal(20, _graph.Retrieve("hub", 1, 0.3).Count);
        Assert.Equal(30, _graph.Retrieve("hub", 1, 0.3, limit: 50).Count);
        Assert.Equal(["leaf29", "leaf28"], _graph.Retrieve("hub", 1, 0.3, limit: 2).Select(a => a.Concept));
    }

    [Fact]
    public void Links_are_the_edges_inside_a_set_of_concepts_each_once_above_the_threshold()
    {
        _graph.Link("a", "b", 0.9);
        _graph.Link("b", "c", 0.5);
        _graph.Link("a", "c", 0.2);
        _graph.Link("c", "outside", 0.9);

        var links = _graph.Links(["a", "b", "c", "unknown"], 0.3);

        Assert.Equal(
            [("a", "b", 0.9), ("b", "c", 0.5)],
            links.Select(l => string.CompareOrdinal(l.From, l.To) < 0 ? (l.From, l.To, l.Strength) : (l.To, l.From, l.Strength)).Order());
    }

    [Fact]
    public void The_hub_is_the_concept_with_the_strongest_edges_in_sum_and_none_without_edges()
    {
        Assert.Null(_graph.Hub());
        _graph.Learn(["lonely"]);
        Assert.Null(_graph.Hub());

        _graph.Link("star", "x", 0.4);
        _graph.Link("star", "y", 0.4);
        _graph.Link("pair", "z", 0.7);

        Assert.Equal("star", _graph.Hub());
    }

    [Fact]
    public void A_concept_learned_from_one_user_is_neither_returned_nor_walked_through_for_another()
    {
        _graph.Learn(["犬", "ポチ", "散歩"], ["alice"]);
        _graph.Learn(["犬", "猫"]);

        Assert.Equal(["ポチ", "散歩"], _graph.Retrieve("犬", 2, 0, viewer: "alice").Select(a => a.Concept).Where(c => c != "猫").Order());
        Assert.Equal(["猫"], _graph.Retrieve("犬", 2, 0, viewer: "bob").Select(a => a.Concept));
        Assert.False(_graph.IsKnownTo("ポチ", "bob"));
        Assert.True(_graph.IsKnownTo("ポチ", "alice"));
        // The character itself sees everything.
        Assert.Equal(3, _graph.Retrieve("猫", 3, 0).Count);
    }

    [Fact]
    public void A_concept_taught_by_three_users_is_shared_with_everyone()
    {
        _graph.Learn(["映画", "監督"], ["a"]);
        _graph.Learn(["映画", "監督"], ["b"]);
        Assert.False(_graph.IsKnownTo("監督", "z"));

        _graph.Learn(["映画", "監督"], ["c"]);

        Assert.True(_graph.IsKnownTo("監督", "z"));
        Assert.Equal(["監督"], _graph.Retrieve("映画", 1, 0, viewer: "z").Select(a => a.Concept));
    }

    [Fact]
    public void Forgetting_a_user_deletes_the_concepts_only_they_taught_and_keeps_the_rest()
    {
        _graph.Learn(["犬", "ポチ"], ["alice"]);
        _graph.Learn(["犬", "柴犬"], ["alice", "bob"]);
        _graph.Learn(["犬", "猫"]);

        var deleted = _graph.Forget("alice");
        var restored = AssociationGraph.FromSnapshot(_graph.ToSnapshot(), _time);

        Assert.Equal(1, deleted);
        Assert.False(_graph.Contains("ポチ"));
        Assert.True(_graph.IsKnownTo("柴犬", "bob"));
        Assert.False(_graph.IsKnownTo("柴犬", "alice"));
        Assert.DoesNotContain(restored.ToSnapshot().Nodes, n => n.Name == "ポチ" || (n.HeardFrom?.Contains("alice") ?? false));
        Assert.Equal(["柴犬", "猫"], restored.Retrieve("犬", 1, 0).Select(a => a.Concept).Order());
    }
}
