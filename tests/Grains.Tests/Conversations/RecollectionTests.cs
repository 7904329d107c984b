using LlmMultiChat.FakeLlm.Recording;
using LlmMultiChat.FakeLlm.Scripting;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Coherence;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Knowledge;
using LlmMultiChat.Grains.Tests.Conversations.Support;
using LlmMultiChat.Grains.Users;

namespace LlmMultiChat.Grains.Tests.Conversations;

/// <summary>What a reply's prompt recalls besides the long-term memories: clarifications, lessons, interests, associations and knowledge.</summary>
public sealed class RecollectionTests
{
    private const string Clarify = "【確認したいこと】";

    [Fact]
    public async Task Saying_the_opposite_of_an_earlier_statement_makes_the_reply_ask_and_keeps_both_memories()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        await harness.SendAsync("c1", "私は犬が好きです");
        var before = SystemPrompt(harness);

        await harness.CreateAsync("c2", ["lumina"]);
        await harness.SendAsync("c2", "実は犬が苦手です");
        var after = SystemPrompt(harness);
        var kept = await harness.Silo.GetGrain<ICharacterGrain>("lumina").Recall(ConversationHarness.Alice, "私は犬が好きです。実は犬が苦手です", 10);

        Assert.DoesNotContain(Clarify, before, StringComparison.Ordinal);
        Assert.Contains(Clarify, after, StringComparison.Ordinal);
        Assert.Contains("以前「私は犬が好きです」とおっしゃっていましたが、今回は「実は犬が苦手です」とのこと。お考えが変わられたのでしょうか？", after, StringComparison.Ordinal);
        Assert.Equal(["実は犬が苦手です", "私は犬が好きです"], kept.Select(m => m.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Agreeing_with_an_earlier_statement_asks_nothing()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        await harness.SendAsync("c1", "私は犬が好きです");

        await harness.SendAsync("c1", "猫も好きだけど、犬も好き");

        Assert.DoesNotContain(Clarify, SystemPrompt(harness), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_users_statement_is_never_the_earlier_one_of_a_contradiction()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        await harness.SendAsync("c1", "私は犬が好きです");

        await harness.Conversation("c3").Create(new ConversationSpec(new ConversationMember("bob", "ボブ"), ["lumina"]));
        await harness.SendAsync("c3", "実は犬が苦手です", userId: "bob");

        Assert.DoesNotContain(Clarify, SystemPrompt(harness), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.95", true)]
    [InlineData("スコア: 0.2", false)]
    [InlineData("わかりません", false)]
    public async Task With_a_coherence_model_configured_it_scores_what_the_rules_miss(string answer, bool contradicts)
    {
        await using var harness = await ConversationHarness.StartAsync(new Dictionary<string, string?> { ["Coherence:Model"] = "ollama:judge" });
        harness.Llm.Script(FakeReply.Text(answer), IsCoherenceCheck);
        await harness.CreateAsync("c1", ["lumina"]);
        await harness.SendAsync("c1", "私は毎朝ジョギングをしています");

        await harness.SendAsync("c1", "運動はまったくしない生活です");

        var check = Assert.Single(harness.Llm.ChatRequests, IsCoherenceCheck);
        Assert.Equal(("judge", "発言1: 私は毎朝ジョギングをしています\n発言2: 運動はまったくしない生活です"), (check.Model, check.Messages[1].Content));
        Assert.Equal(contradicts, SystemPrompt(harness).Contains("以前「私は毎朝ジョギングをしています」とおっしゃっていましたが", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_coherence_model_is_not_asked_when_the_rules_find_the_contradiction_and_its_failure_only_skips_the_check()
    {
        await using var harness = await ConversationHarness.StartAsync(new Dictionary<string, string?> { ["Coherence:Model"] = "ollama:judge" });
        harness.Llm.Script(FakeReply.Error(503), IsCoherenceCheck);
        await harness.CreateAsync("c1", ["lumina"]);
        await harness.SendAsync("c1", "私は犬が好きです");

        var ruled = await harness.SendAsync("c1", "実は犬が苦手です");
        var asked = harness.Llm.ChatRequests.Count(IsCoherenceCheck);
        var failed = await harness.SendAsync("c1", "運動はまったくしない生活です");

        Assert.Contains(Clarify, SystemPrompt(harness, ruled), StringComparison.Ordinal);
        Assert.Equal(0, asked);
        Assert.Equal(MessageStatus.Complete, failed.Replies.Single().Status);
        Assert.DoesNotContain(Clarify, SystemPrompt(harness), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_thumbs_down_teaches_a_lesson_recalled_when_a_similar_question_comes_from_the_same_user()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        harness.Llm.Enqueue(FakeReply.Text("量子とは、とても難しいものです。"));
        var turn = await harness.SendAsync("c1", "量子コンピュータって何？");

        await harness.Conversation("c1").RateMessage(ConversationHarness.Alice, turn.Replies[0].Id, FeedbackRating.Down);
        await harness.CreateAsync("c2", ["lumina"]);
        await harness.SendAsync("c2", "量子コンピュータについて教えて");
        var same = SystemPrompt(harness);
        await harness.Conversation("c3").Create(new ConversationSpec(new ConversationMember("bob", "ボブ"), ["lumina"]));
        await harness.SendAsync("c3", "量子コンピュータについて教えて", userId: "bob");
        var other = SystemPrompt(harness);

        Assert.Contains("【過去の振り返りからの教訓】", same, StringComparison.Ordinal);
        Assert.Contains("- このような問いに「量子とは、とても難しいものです。」と答えたら好まれなかった。別の答え方を試す。", same, StringComparison.Ordinal);
        Assert.DoesNotContain("【過去の振り返りからの教訓】", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_ten_turns_the_character_reflects_on_what_the_user_asked_for()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        await harness.SendAsync("c1", "もっとわかりやすく説明してほしいな、ブラックホールのこと");
        for (var i = 1; i < 9; i++)
        {
            await harness.SendAsync("c1", $"質問{i}つ目です");
        }

        await harness.SendAsync("c1", "ブラックホールについてもう一度");
        var ninth = SystemPrompt(harness);
        await harness.SendAsync("c1", "ブラックホールについてもう一度");

        Assert.DoesNotContain("【過去の振り返りからの教訓】", ninth, StringComparison.Ordinal);
        Assert.Contains("- 専門用語を避け、わかりやすい言葉で説明する。", SystemPrompt(harness), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topics_the_user_brings_up_again_and_again_reach_the_prompt_as_interests()
    {
        await using var harness = await ConversationHarness.StartAsync(new Dictionary<string, string?> { ["Auth:PasswordHashIterations"] = "1000" });
        await harness.CreateAccountsAsync(ConversationHarness.Alice);
        await harness.CreateAsync("c1", ["lumina"]);
        await harness.SendAsync("c1", "週末は映画を見ました");
        await harness.SendAsync("c1", "映画のポップコーンが好き");
        var once = SystemPrompt(harness);
        await harness.SendAsync("c1", "次はどの映画を見ようかな");

        var profile = await harness.Silo.GetGrain<IUserGrain>(ConversationHarness.Alice).Interests();
        Assert.DoesNotContain("【相手の関心】", once, StringComparison.Ordinal);
        Assert.Equal(3, profile.Topics["映画"]);
        Assert.Equal(3, profile.Characters["lumina"]);
        Assert.Contains("【相手の関心】\n映画", SystemPrompt(harness), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Knowledge_base_passages_relevant_to_the_message_reach_the_prompt_with_their_title()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.Silo.GetGrain<IKnowledgeGrain>("history").Add(new NewKnowledgeDocument("京都の寺", "清水寺は778年に創建された寺院です。", null, "admin"));
        await harness.Silo.GetGrain<IKnowledgeGrain>("tech").Add(new NewKnowledgeDocument("Rust", "Rust is a systems programming language.", null, "admin"));
        await harness.CreateAsync("c1", ["lumina"]);

        await harness.SendAsync("c1", "清水寺はいつ建てられたの？");

        Assert.Contains("【参考情報】", SystemPrompt(harness), StringComparison.Ordinal);
        Assert.Contains("- 京都の寺: 清水寺は778年に創建された寺院です。", SystemPrompt(harness), StringComparison.Ordinal);
        Assert.DoesNotContain("Rust is a systems", SystemPrompt(harness), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concepts_associated_with_the_message_reach_the_prompt_for_the_user_who_taught_them_only()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        await harness.SendAsync("c1", "東京タワーの夜景がきれいだった");

        await harness.SendAsync("c1", "東京タワーにまた行きたい");
        var alices = SystemPrompt(harness);
        await harness.Conversation("c3").Create(new ConversationSpec(new ConversationMember("bob", "ボブ"), ["lumina"]));
        await harness.SendAsync("c3", "東京タワーにまた行きたい", userId: "bob");
        var bobs = SystemPrompt(harness);

        Assert.Contains("【連想】", alices, StringComparison.Ordinal);
        Assert.Contains("夜景", alices[alices.IndexOf("【連想】", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("夜景", bobs, StringComparison.Ordinal);
    }

    private static bool IsCoherenceCheck(FakeRequest request) =>
        request.Messages.Count > 0 && request.Messages[0].Content == LlmContradictionDetector.Instruction;

    private static string SystemPrompt(ConversationHarness harness) =>
        harness.Llm.ChatRequests.Last(r => !MidTermMemoryTests.IsSummaryRequest(r) && !IsCoherenceCheck(r)).Messages.First(m => m.Role == "system").Content;

    /// <summary>The system prompt of the turn's reply.</summary>
    private static string SystemPrompt(ConversationHarness harness, ConversationHarness.Turn turn) =>
        harness.Llm.ChatRequests.Last(r => r.IsFor("ルミナ") && r.Messages[^1].Content.Contains(turn.Human.Content, StringComparison.Ordinal)).Messages[0].Content;
}
