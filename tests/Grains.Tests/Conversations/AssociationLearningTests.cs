using LlmMultiChat.FakeLlm.Scripting;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Tests.Conversations.Support;

namespace LlmMultiChat.Grains.Tests.Conversations;

/// <summary>Characters learn associations from what is said in their rooms: everyone from a human message, the speaker from its reply.</summary>
public sealed class AssociationLearningTests
{
    // Concepts one position apart co-occur with 1/(1 + 0.3), two apart with 1/(1 + 0.6).
    private const double Adjacent = 1 / 1.3;
    private const double TwoApart = 1 / 1.6;

    [Fact]
    public async Task Concepts_said_together_are_linked_with_path_strengths_and_strengthen_when_said_again()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        harness.Llm.Script(FakeReply.Text("夜景なら横浜もいいですね。"));
        var lumina = harness.Silo.GetGrain<ICharacterGrain>("lumina");

        await harness.SendAsync("c1", "東京タワーの夜景が見たい");
        var once = (await lumina.Associations("東京", depth: 2, threshold: 0.3, maxNodes: 50, ConversationHarness.Alice))!;
        await harness.SendAsync("c1", "東京タワーの夜景が見たい");
        var twice = (await lumina.Associations("夜景", depth: 1, threshold: 0.3, maxNodes: 50, ConversationHarness.Alice))!;

        Assert.Equal(
            [("タワー", 1, Rounded(Adjacent)), ("夜景", 1, Rounded(TwoApart)), ("横浜", 2, Rounded(TwoApart * Adjacent))],
            once.Nodes.Skip(1).Select(n => (n.Name, n.Distance, Rounded(n.Strength))));
        Assert.Equal(Adjacent * 1.1, twice.Nodes.Single(n => n.Name == "タワー").Strength, 9);
        Assert.Equal(Adjacent * 1.1, twice.Nodes.Single(n => n.Name == "横浜").Strength, 9);
    }

    [Fact]
    public async Task Everyone_in_the_room_learns_from_a_human_message_only_the_speaker_from_its_reply_and_nobody_outside()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina", "nox"]);
        harness.Llm.Script(FakeReply.Text("紅葉なら嵐山ですね。"));

        var turn = await harness.SendAsync("c1", "京都の紅葉と抹茶", ["lumina"]);

        Assert.Equal(["lumina"], turn.Speakers);
        Assert.Equal(["京都", "嵐山", "抹茶"], await NeighboursOfMomijiAsync(harness, "lumina"));
        Assert.Equal(["京都", "抹茶"], await NeighboursOfMomijiAsync(harness, "nox"));
        var clarisse = (await harness.Silo.GetGrain<ICharacterGrain>("clarisse").Associations(null, 2, 0.3, 50, ConversationHarness.Alice))!;
        Assert.Empty(clarisse.Nodes);
    }

    private static double Rounded(double strength) => Math.Round(strength, 10);

    private static async Task<IReadOnlyList<string>> NeighboursOfMomijiAsync(ConversationHarness harness, string characterId)
    {
        var view = (await harness.Silo.GetGrain<ICharacterGrain>(characterId).Associations("紅葉", depth: 1, threshold: 0.3, maxNodes: 50, ConversationHarness.Alice))!;
        return [.. view.Nodes.Skip(1).Select(n => n.Name).Order(StringComparer.Ordinal)];
    }
}
