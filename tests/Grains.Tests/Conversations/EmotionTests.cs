using LlmMultiChat.FakeLlm.Recording;
using LlmMultiChat.FakeLlm.Scripting;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Conversations.Events;
using LlmMultiChat.Grains.Emotions;
using LlmMultiChat.Grains.Tests.Conversations.Support;
using Silo;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Conversations;

/// <summary>Characters hear the room's messages: their emotions move, the change is an event, and the reply's prompt carries the tone.</summary>
public sealed class EmotionTests
{
    [Fact]
    public async Task A_happy_japanese_message_raises_joy_is_announced_and_gives_the_reply_a_bright_tone()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);

        var turn = await harness.SendAsync("c1", "ありがとう！本当に嬉しいし、すごく楽しい！");

        var changed = Assert.Single(turn.Events.OfType<EmotionChanged>());
        Assert.Equal(("lumina", "joy"), (changed.CharacterId, changed.Dominant));
        Assert.True(changed.Emotions["joy"] > EmotionBaselines.Lumina.Joy, $"joy {changed.Emotions["joy"]} did not rise");
        Assert.True(changed.Seq < turn.Events.OfType<MessageStarted>().Single().Seq, "the reaction comes before the reply");
        Assert.Contains(EmotionTone.Instruction(Emotion.Joy), SystemPrompt(harness), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_emotion_model_configured_it_appraises_the_message_once_for_every_character_in_the_room()
    {
        await using var harness = await ConversationHarness.StartAsync(new Dictionary<string, string?> { ["Emotions:Model"] = "ollama:feeler" });
        harness.Llm.Script(FakeReply.Text("```json\n{\"joy\": 0.9, \"anger\": 0.05, \"calm\": 1}\n```"), IsAppraisal);
        await harness.CreateAsync("c1", ["lumina", "nox"], TurnPolicy.List);

        // No word of the lexicon: only the model sees the joy in it.
        var turn = await harness.SendAsync("c1", "明日やっと試験の結果が出るんだ");

        var appraisal = Assert.Single(harness.Llm.ChatRequests, IsAppraisal);
        Assert.Equal(("feeler", "明日やっと試験の結果が出るんだ"), (appraisal.Model, appraisal.Messages[1].Content));
        Assert.Equal(["lumina", "nox"], turn.Events.OfType<EmotionChanged>().Select(e => e.CharacterId).Order(StringComparer.Ordinal));
        Assert.All(turn.Events.OfType<EmotionChanged>(), e => Assert.Equal("joy", e.Dominant));
    }

    [Fact]
    public async Task When_the_emotion_model_fails_or_answers_no_json_the_lexicon_appraises_the_message()
    {
        await using var harness = await ConversationHarness.StartAsync(new Dictionary<string, string?> { ["Emotions:Model"] = "ollama:feeler" });
        harness.Llm.Script(FakeReply.Text("よくわかりません"), r => IsAppraisal(r) && r.LastUserMessage.Contains("悲しい", StringComparison.Ordinal));
        harness.Llm.Script(FakeReply.Error(503), r => IsAppraisal(r) && r.LastUserMessage.Contains("嬉しい", StringComparison.Ordinal));
        await harness.CreateAsync("c1", ["lumina"]);

        var sad = await harness.SendAsync("c1", "今日は本当に悲しい");
        var happy = await harness.SendAsync("c1", "でも明日は嬉しい");

        var afterSad = Assert.Single(sad.Events.OfType<EmotionChanged>());
        Assert.Equal("sadness", afterSad.Dominant);
        Assert.True(Assert.Single(happy.Events.OfType<EmotionChanged>()).Emotions["joy"] > afterSad.Emotions["joy"], "joy did not rise");
        Assert.Equal(MessageStatus.Complete, happy.Replies.Single().Status);
    }

    [Fact]
    public async Task A_sad_message_raises_sadness_and_gives_the_reply_an_empathetic_tone()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);

        var turn = await harness.SendAsync("c1", "今日は本当に悲しい。とても寂しい…");

        var changed = Assert.Single(turn.Events.OfType<EmotionChanged>());
        Assert.Equal("sadness", changed.Dominant);
        Assert.True(changed.Emotions["sadness"] > EmotionBaselines.Lumina.Sadness);
        Assert.Contains(EmotionTone.Instruction(Emotion.Sadness), SystemPrompt(harness), StringComparison.Ordinal);
        Assert.DoesNotContain(EmotionTone.Instruction(Emotion.Joy), SystemPrompt(harness), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_without_feeling_moves_nothing_and_announces_nothing()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);

        var turn = await harness.SendAsync("c1", "明日の会議は十時からです。");

        Assert.Empty(turn.Events.OfType<EmotionChanged>());
        Assert.Equal(EmotionBaselines.Lumina.Sadness, (await harness.Silo.GetGrain<ICharacterGrain>("lumina").Mood())!.Emotions["sadness"], 4);
    }

    [Fact]
    public async Task Emotions_are_kept_across_reactivation_and_decay_back_to_the_baseline()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        await harness.SendAsync("c1", "今日は本当に悲しい。とても寂しい…");
        var lumina = harness.Silo.GetGrain<ICharacterGrain>("lumina");
        var sad = (await lumina.Mood())!.Emotions["sadness"];

        harness.Time.Advance(TimeSpan.FromMinutes(16));
        await harness.Silo.WhenDeactivated(GrainId.Create("character", "lumina")).WaitOrFail("the idle character to be collected");
        var afterReactivation = (await lumina.Mood())!.Emotions["sadness"];
        harness.Time.Advance(TimeSpan.FromDays(2));
        var rested = (await lumina.Mood())!;

        Assert.InRange(afterReactivation, EmotionBaselines.Lumina.Sadness + ((sad - EmotionBaselines.Lumina.Sadness) * 0.8), sad);
        Assert.Equal(EmotionBaselines.Lumina.Sadness, rested.Emotions["sadness"], 3);
        Assert.Equal(EmotionBaselines.Lumina.Joy, rested.Emotions["joy"], 3);
    }

    private static bool IsAppraisal(FakeRequest request) =>
        request.Messages.Count > 0 && request.Messages[0].Content == LlmEmotionAppraiser.Instruction;

    private static string SystemPrompt(ConversationHarness harness) =>
        harness.Llm.ChatRequests[^1].Messages.First(m => m.Role == "system").Content;
}
