using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Tests.Conversations.Support;

namespace LlmMultiChat.Grains.Tests.Conversations;

/// <summary>What a human tells a character in one conversation, the character remembers of that human in the next.</summary>
public sealed class LongTermMemoryTests
{
    private const string Bob = "bob";

    [Fact]
    public async Task A_fact_told_in_one_conversation_is_in_the_prompt_when_the_same_user_asks_in_another()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        await harness.SendAsync("c1", "うちの犬の名前はポチです");
        var toldIn = SystemPrompt(harness);

        await harness.CreateAsync("c2", ["lumina"]);
        await harness.SendAsync("c2", "私の犬の名前を覚えてる？");

        Assert.Contains("- うちの犬の名前はポチです", SystemPrompt(harness), StringComparison.Ordinal);
        // Where the history already shows the statement, it is not repeated as a memory.
        Assert.DoesNotContain("ポチ", toldIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_user_asking_the_same_character_is_not_given_what_the_first_told_it()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        await harness.SendAsync("c1", "うちの犬の名前はポチです");

        await harness.Conversation("c3").Create(new ConversationSpec(new ConversationMember(Bob, "ボブ"), ["lumina"]));
        await harness.SendAsync("c3", "私の犬の名前を覚えてる？", userId: Bob);
        var bobs = SystemPrompt(harness);
        await harness.CreateAsync("c2", ["lumina"]);
        await harness.SendAsync("c2", "私の犬の名前を覚えてる？");
        var alices = SystemPrompt(harness);

        Assert.DoesNotContain("ポチ", bobs, StringComparison.Ordinal);
        Assert.Contains("ポチ", alices, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Small_talk_is_not_remembered()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        await harness.SendAsync("c1", "こんにちは");

        await harness.CreateAsync("c2", ["lumina"]);
        await harness.SendAsync("c2", "こんにちは");

        Assert.DoesNotContain("【関連する記憶】", SystemPrompt(harness), StringComparison.Ordinal);
    }

    private static string SystemPrompt(ConversationHarness harness) =>
        harness.Llm.ChatRequests[^1].Messages.First(m => m.Role == "system").Content;
}
