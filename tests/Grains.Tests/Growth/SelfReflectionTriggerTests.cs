using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Growth;

namespace LlmMultiChat.Grains.Tests.Growth;

public sealed class SelfReflectionTriggerTests
{
    [Fact]
    public void A_character_reflects_every_tenth_turn()
    {
        var trigger = new SelfReflectionTrigger(new ReflectionOptions());
        var reflections = new List<int>();
        var turns = 0;
        for (var turn = 1; turn <= 25; turn++)
        {
            var decision = trigger.AfterTurn(turns);
            if (decision.Reflect == ReflectionReason.TurnCount)
            {
                reflections.Add(turn);
            }

            turns = decision.TurnsSinceReflection;
        }

        Assert.Equal([10, 20], reflections);
        Assert.Equal(5, turns);
    }

    [Fact]
    public void A_thumbs_down_triggers_a_reflection_at_once_and_restarts_the_count()
    {
        Assert.Equal(new ReflectionDecision(0, ReflectionReason.ThumbsDown), SelfReflectionTrigger.AfterFeedback(9, FeedbackRating.Down));
    }

    [Fact]
    public void A_thumbs_up_changes_nothing()
    {
        Assert.Equal(new ReflectionDecision(9, null), SelfReflectionTrigger.AfterFeedback(9, FeedbackRating.Up));
    }

    [Fact]
    public void The_interval_is_an_option()
    {
        var trigger = new SelfReflectionTrigger(new ReflectionOptions { EveryTurns = 3 });

        Assert.Equal(new ReflectionDecision(2, null), trigger.AfterTurn(1));
        Assert.Equal(new ReflectionDecision(0, ReflectionReason.TurnCount), trigger.AfterTurn(2));
    }
}
