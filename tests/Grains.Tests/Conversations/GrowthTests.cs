using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Conversations.Events;
using LlmMultiChat.Grains.Tests.Conversations.Support;

namespace LlmMultiChat.Grains.Tests.Conversations;

/// <summary>Conversations feed characters' growth: first ratings of their replies and the turns they reply in; a level reached is an event.</summary>
public sealed class GrowthTests
{
    private static readonly Dictionary<string, string?> NoConversationXp = new() { ["Growth:ConversationXp"] = "0" };

    [Fact]
    public async Task Ten_thumbs_up_make_100_xp_and_level_3_with_one_level_up_event_per_level_crossed()
    {
        await using var harness = await ConversationHarness.StartAsync(NoConversationXp);
        await harness.CreateAsync("c1", ["lumina"], maxAutoTurns: 0);
        var raters = new[] { ConversationHarness.Alice }.Concat(Enumerable.Range(1, 9).Select(i => $"user{i}")).ToList();
        foreach (var rater in raters.Skip(1))
        {
            await harness.Conversation("c1").AddHuman(new ConversationMember(rater, rater));
        }

        var reply = Assert.Single((await harness.SendAsync("c1", "こんにちは")).Replies);
        var afterSeq = (await harness.Conversation("c1").Info())!.LastSeq;

        foreach (var rater in raters)
        {
            await harness.Conversation("c1").RateMessage(rater, reply.Id, FeedbackRating.Up);
        }

        var growth = (await harness.Silo.GetGrain<ICharacterGrain>("lumina").Growth())!;
        Assert.Equal((100L, 3, 10, 160L), (growth.Xp, growth.Level, growth.ThumbsUp, growth.NextLevelXp));
        var levelUps = (await harness.Conversation("c1").EventsAfter(afterSeq)).Events.OfType<LevelUp>().ToList();
        Assert.Equal([("lumina", 1), ("lumina", 2), ("lumina", 3)], levelUps.Select(e => (e.CharacterId, e.Level)));
        Assert.All(levelUps, e => Assert.Empty(e.Unlocked));
    }

    [Fact]
    public async Task A_changed_rating_is_stored_but_counts_toward_growth_only_once()
    {
        await using var harness = await ConversationHarness.StartAsync(NoConversationXp);
        await harness.CreateAsync("c1", ["lumina"], maxAutoTurns: 0);
        await harness.Conversation("c1").AddHuman(new ConversationMember("bob", "ボブ"));
        var reply = Assert.Single((await harness.SendAsync("c1", "こんにちは")).Replies);
        var conversation = harness.Conversation("c1");

        await conversation.RateMessage(ConversationHarness.Alice, reply.Id, FeedbackRating.Up);
        await conversation.RateMessage(ConversationHarness.Alice, reply.Id, FeedbackRating.Down);
        await conversation.RateMessage(ConversationHarness.Alice, reply.Id, FeedbackRating.Up);
        await conversation.RateMessage("bob", reply.Id, FeedbackRating.Down);
        await conversation.RateMessage("bob", reply.Id, FeedbackRating.Up);

        var growth = (await harness.Silo.GetGrain<ICharacterGrain>("lumina").Growth())!;
        Assert.Equal((1, 1, 10L, 1), (growth.ThumbsUp, growth.ThumbsDown, growth.Xp, growth.Level));
    }

    [Fact]
    public async Task Each_turn_counts_one_conversation_for_each_character_that_replied_before_it_completes()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina", "nox"], maxAutoTurns: 0);

        await harness.SendAsync("c1", "こんにちは", ["lumina"]);
        var second = await harness.SendAsync("c1", "元気？", ["lumina"]);

        Assert.Equal(["lumina"], second.Speakers);
        var lumina = (await harness.Silo.GetGrain<ICharacterGrain>("lumina").Growth())!;
        var nox = (await harness.Silo.GetGrain<ICharacterGrain>("nox").Growth())!;
        Assert.Equal((2, 2L), (lumina.Conversations, lumina.Xp));
        Assert.Equal((0, 0L), (nox.Conversations, nox.Xp));
    }

    [Fact]
    public async Task A_turn_that_raises_a_level_announces_it_with_its_unlocks_before_complete_state()
    {
        await using var harness = await ConversationHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Growth:ConversationXp"] = "10",
            ["Growth:Rewards:1:Unlocks:0"] = "web_search",
        });
        await harness.CreateAsync("c1", ["lumina"], maxAutoTurns: 0);

        var turn = await harness.SendAsync("c1", "こんにちは");

        var levelUp = Assert.Single(turn.Events.OfType<LevelUp>());
        Assert.Equal(("lumina", 1), (levelUp.CharacterId, levelUp.Level));
        Assert.Equal(["web_search"], levelUp.Unlocked);
        Assert.True(levelUp.Seq > turn.Events.OfType<MessageCompleted>().Max(e => e.Seq) && levelUp.Seq < turn.Completed.Seq, "the level-up comes after the reply and before complete_state");
    }
}
