using LlmMultiChat.FakeLlm.Scripting;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Conversations.Events;
using LlmMultiChat.Grains.Tests.Conversations.Support;

namespace LlmMultiChat.Grains.Tests.Conversations;

/// <summary>Who answers in a group, end to end through the conversation grain and the fake LLM.</summary>
public sealed class TurnTakingTests
{
    private static readonly string[] Trio = ["lumina", "clarisse", "nox"];

    /// <summary>
    /// Replies that name nobody. The fake's default echo repeats the last user message, which in a group is often
    /// another character's line; echoed names would (rightly, under the natural policy) hand the turn on.
    /// </summary>
    private static async Task<ConversationHarness> StartAsync(FixedRandom? random = null)
    {
        var harness = await ConversationHarness.StartAsync(random: random);
        harness.Llm.Script(FakeReply.Text("わかりました。"));
        return harness;
    }

    [Fact]
    public async Task Addressed_characters_answer_in_the_order_addressed()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("c1", Trio);

        var turn = await harness.SendAsync("c1", "@ノクス と @クラリス に聞きたい");

        Assert.Equal(["nox", "clarisse"], turn.Speakers);
    }

    [Fact]
    public async Task A_character_deleted_since_it_joined_is_reported_and_the_turn_lists_each_reply_once()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("c1", Trio, maxAutoTurns: 0);
        await harness.Silo.GetGrain<ICharacterGrain>("nox").Delete("admin");

        var turn = await harness.SendAsync("c1", "順番に答えて", ["lumina", "nox"]);

        Assert.Equal(["lumina"], turn.Speakers);
        Assert.Equal(ConversationErrorCodes.CharacterMissing, Assert.Single(turn.Errors).Code);
        Assert.Equal(turn.Replies.Select(r => r.Id), turn.Completed.ReplyIds);
    }

    [Fact]
    public async Task List_policy_has_each_answer_in_turn_and_each_sees_the_replies_before_it()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("c1", Trio, TurnPolicy.List);

        var turn = await harness.SendAsync("c1", "みんなの意見は？");

        Assert.Equal(Trio, turn.Speakers);
        var noxPrompt = Assert.Single(harness.Llm.ChatRequests, r => r.IsFor("ノクス"));
        Assert.Contains(noxPrompt.Messages, m => m.Role == "user" && m.Content == $"ルミナ: {turn.Replies[0].Content}");
        Assert.Contains(noxPrompt.Messages, m => m.Role == "user" && m.Content == $"クラリス: {turn.Replies[1].Content}");
    }

    [Fact]
    public async Task All_policy_has_everyone_answer_at_once_each_seeing_only_the_human_message()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("c1", Trio, TurnPolicy.All);

        var turn = await harness.SendAsync("c1", "せーの！");

        Assert.Equal(Trio.Order(), turn.Speakers.Order());
        Assert.All(harness.Llm.ChatRequests, r => Assert.Equal("アリス: せーの！", r.LastUserMessage));
    }

    [Fact]
    public async Task Manual_policy_answers_nobody_unless_addressed()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("c1", Trio, TurnPolicy.Manual);

        var silent = await harness.SendAsync("c1", "独り言です");
        var addressed = await harness.SendAsync("c1", "クラリス、どう？");

        Assert.Equal((TurnEndReason.NoResponder, 0), (silent.Completed.Reason, silent.Replies.Count));
        Assert.Equal(["clarisse"], addressed.Speakers);
        Assert.Single(harness.Llm.ChatRequests);
    }

    [Fact]
    public async Task Natural_policy_gives_a_keyword_to_its_character()
    {
        await using var harness = await StartAsync(new FixedRandom(0.99));
        await harness.CreateAsync("c1", Trio);

        Assert.Equal(["nox"], (await harness.SendAsync("c1", "最新のニュースを調べてほしい")).Speakers);
    }

    [Fact]
    public async Task A_next_tag_hands_the_turn_over_and_is_removed_from_the_text()
    {
        await using var harness = await StartAsync();
        harness.Llm.Script(FakeReply.Text("いい質問ね！詳しくはクラリスに聞いてみて。[Next: clarisse]"), r => r.IsFor("ルミナ"));
        harness.Llm.Script(FakeReply.Text("承知しました。順にご説明いたします。"), r => r.IsFor("クラリス"));
        await harness.CreateAsync("c1", Trio, TurnPolicy.Manual);

        var turn = await harness.SendAsync("c1", "@ルミナ 相対性理論って？");

        Assert.Equal(["lumina", "clarisse"], turn.Speakers);
        Assert.Equal("いい質問ね！詳しくはクラリスに聞いてみて。", turn.Replies[0].Content);
        Assert.Equal(TurnEndReason.Done, turn.Completed.Reason);
    }

    [Fact]
    public async Task Autonomous_follow_ups_stop_at_MaxAutoTurns()
    {
        await using var harness = await StartAsync();
        harness.Llm.Script(FakeReply.Text("ノクスはどう？[Next: nox]"), r => r.IsFor("ルミナ"));
        harness.Llm.Script(FakeReply.Text("ルミナに返す。[Next: lumina]"), r => r.IsFor("ノクス"));
        await harness.CreateAsync("c1", Trio, TurnPolicy.Manual, maxAutoTurns: 2);

        var turn = await harness.SendAsync("c1", "@ルミナ 話して");

        Assert.Equal(["lumina", "nox", "lumina"], turn.Speakers);
        Assert.Equal(TurnEndReason.MaxAutoTurns, turn.Completed.Reason);
        Assert.Equal(turn.Replies.Select(r => r.Id), turn.Completed.ReplyIds);
    }

    [Fact]
    public async Task A_character_never_hands_the_turn_to_itself()
    {
        await using var harness = await StartAsync();
        harness.Llm.Script(FakeReply.Text("もう一度わたし！[Next: lumina]"), r => r.IsFor("ルミナ"));
        await harness.CreateAsync("c1", Trio, TurnPolicy.Manual);

        var turn = await harness.SendAsync("c1", "@ルミナ どうぞ");

        Assert.Equal(["lumina"], turn.Speakers);
    }

    [Fact]
    public async Task Under_the_natural_policy_the_same_character_is_not_picked_twice_in_a_row_unless_addressed()
    {
        // Every talkativeness roll fails (0.99), so the policy falls back to a random pick (0.0: the first candidate):
        // turn 1 rolls three times, then picks from all; turn 2 rolls twice, then picks from everyone but turn 1's speaker.
        await using var harness = await StartAsync(new FixedRandom(0.99, 0.99, 0.99, 0.0, 0.99, 0.99, 0.0));
        await harness.CreateAsync("c1", Trio);

        var first = await harness.SendAsync("c1", "こんにちは");
        var second = await harness.SendAsync("c1", "こんにちは");
        var addressed = await harness.SendAsync("c1", $"@{second.Replies[0].SpeakerName} もう一度");

        Assert.Equal(["lumina"], first.Speakers);
        Assert.Equal(["clarisse"], second.Speakers);
        Assert.Equal(["clarisse"], addressed.Speakers);
    }
}
