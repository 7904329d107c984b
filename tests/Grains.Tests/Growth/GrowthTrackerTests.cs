using LlmMultiChat.Grains.Growth;

namespace LlmMultiChat.Grains.Tests.Growth;

public sealed class GrowthTrackerTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(9, 0)]
    [InlineData(10, 1)]
    [InlineData(39, 1)]
    [InlineData(40, 2)]
    [InlineData(90, 3)]
    [InlineData(100, 3)]
    [InlineData(159, 3)]
    [InlineData(160, 4)]
    [InlineData(400, 6)]
    [InlineData(1000, 10)]
    public void The_level_is_floor_of_the_square_root_of_a_tenth_of_the_experience(long xp, int level)
    {
        Assert.Equal(level, GrowthTracker.LevelFor(xp));
    }

    [Fact]
    public void Ten_thumbs_up_make_100_xp_and_level_3()
    {
        var state = Record(new GrowthTracker(new GrowthOptions()), GrowthState.Initial, GrowthKpi.ThumbsUp, 10);

        Assert.Equal(GrowthState.Initial with { ThumbsUp = 10, Xp = 100, Level = 3 }, state);
    }

    [Fact]
    public void Each_kpi_earns_its_default_weight()
    {
        var tracker = new GrowthTracker(new GrowthOptions());

        Assert.Equal(
            [10, 0, 5, 3, 1],
            Enum.GetValues<GrowthKpi>().Select(k => tracker.Record(GrowthState.Initial, k).State.Xp));
    }

    [Fact]
    public void A_thumbs_down_is_counted_but_takes_no_experience_away()
    {
        var tracker = new GrowthTracker(new GrowthOptions());
        var state = Record(tracker, GrowthState.Initial, GrowthKpi.ThumbsUp, 4);

        var after = tracker.Record(state, GrowthKpi.ThumbsDown).State;

        Assert.Equal(state with { ThumbsDown = 1 }, after);
    }

    [Fact]
    public void Each_level_is_reported_once_when_it_is_reached()
    {
        var tracker = new GrowthTracker(new GrowthOptions());
        var reports = new List<int>();
        var state = GrowthState.Initial;
        for (var i = 0; i < 10; i++)
        {
            var update = tracker.Record(state, GrowthKpi.ThumbsUp);
            reports.AddRange(update.LevelsReached.Select(l => l.Level));
            state = update.State;
        }

        // 10, 40 and 90 XP are crossed at the 1st, 4th and 9th 👍; the 10th (100 XP) reaches nothing new.
        Assert.Equal([1, 2, 3], reports);
    }

    [Fact]
    public void One_event_that_crosses_several_levels_reports_each_of_them()
    {
        var tracker = new GrowthTracker(new GrowthOptions { AnswerHitXp = 250 });

        var update = tracker.Record(GrowthState.Initial, GrowthKpi.AnswerHit);

        Assert.Equal([1, 2, 3, 4, 5], update.LevelsReached.Select(l => l.Level));
        Assert.Equal([(5, "advanced_search")], update.LevelsReached.SelectMany(l => l.Unlocked, (l, unlock) => (l.Level, unlock)));
    }

    [Fact]
    public void Configured_weights_are_honoured()
    {
        var tracker = new GrowthTracker(new GrowthOptions { ThumbsUpXp = 1, ConversationXp = 7, ThumbsDownXp = 2 });

        var state = Record(tracker, GrowthState.Initial, GrowthKpi.ThumbsUp, 3);
        state = Record(tracker, state, GrowthKpi.Conversation, 2);
        state = Record(tracker, state, GrowthKpi.ThumbsDown, 1);

        Assert.Equal(3 + 14 + 2, state.Xp);
    }

    [Fact]
    public void Negative_weights_are_rejected()
    {
        Assert.Throws<InvalidOperationException>(() => new GrowthTracker(new GrowthOptions { ThumbsDownXp = -10 }));
    }

    [Fact]
    public void The_default_unlocks_are_upstream_s()
    {
        var tracker = new GrowthTracker(new GrowthOptions());

        Assert.Empty(tracker.RewardsAt(4).Unlocked);
        Assert.Equal(["advanced_search", "image_generation"], tracker.RewardsAt(19).Unlocked);
        Assert.Equal(["advanced_search", "image_generation", "code_executor"], tracker.RewardsAt(20).Unlocked);
    }

    [Fact]
    public void Configured_unlocks_and_parameter_effects_accumulate_up_to_the_level()
    {
        var options = new GrowthOptions { Rewards = [] };
        options.Rewards[2] = new LevelReward { ParameterDeltas = { ["verbosity"] = 0.1 } };
        options.Rewards[3] = new LevelReward { Unlocks = ["autonomous_search"], ParameterDeltas = { ["proactivity"] = 0.2, ["verbosity"] = 0.05 } };
        var tracker = new GrowthTracker(options);

        Assert.Equal(new Dictionary<string, double> { ["verbosity"] = 0.1 }, tracker.RewardsAt(2).ParameterEffects);
        var atThree = tracker.RewardsAt(3);
        Assert.Equal(["autonomous_search"], atThree.Unlocked);
        Assert.Equal(0.15, atThree.ParameterEffects["verbosity"], 1e-9);
        Assert.Equal(0.2, atThree.ParameterEffects["proactivity"], 1e-9);
    }

    private static GrowthState Record(GrowthTracker tracker, GrowthState state, GrowthKpi kpi, int times)
    {
        for (var i = 0; i < times; i++)
        {
            state = tracker.Record(state, kpi).State;
        }

        return state;
    }
}
