using LlmMultiChat.Grains.Characters;
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

    private static string SystemPrompt(ConversationHarness harness) =>
        harness.Llm.ChatRequests[^1].Messages.First(m => m.Role == "system").Content;
}
