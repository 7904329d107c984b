using LlmMultiChat.Grains.Prompting;
using static LlmMultiChat.Grains.Tests.Prompting.PromptFixtures;

namespace LlmMultiChat.Grains.Tests.Prompting;

public class StopSequenceTests
{
    [Fact]
    public void Every_other_participant_name_and_alias_stops_with_both_colons()
    {
        var prompt = Builder(maxStopSequences: 100).Build(Group());

        string[] others = ["ノクス", "のくす", "Nox", "クラリス", "くらりす", "Clarisse", "claris", "太郎", "Alice"];
        var expected = others.SelectMany(name => new[] { "\n" + name + ":", "\n" + name + "：" });
        Assert.Equal(expected.Order(StringComparer.Ordinal), prompt.StopSequences.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_speakers_own_names_never_stop_it()
    {
        var nox = Nox with { Aliases = ["のくす", "lumina"] };
        var prompt = Builder(maxStopSequences: 100).Build(Group() with { OtherCharacters = [nox] });

        Assert.DoesNotContain(prompt.StopSequences, s => s.Contains("ルミナ", StringComparison.Ordinal) || s.Contains("るみな", StringComparison.Ordinal));
        Assert.DoesNotContain(prompt.StopSequences, s => s.Contains("lumina", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_one_to_one_prompt_stops_at_the_humans_name()
    {
        Assert.Equal(["\n太郎:", "\n太郎："], Builder(maxStopSequences: 100).Build(OneToOne()).StopSequences);
    }

    [Fact]
    public void The_cap_keeps_the_display_names_of_the_latest_speakers_first()
    {
        var context = Group(null, FromHuman(Alice, "hi", 1), FromCharacter(Clarisse, "ごきげんよう", 2), FromHuman(Taro, "やあ", 3));

        Assert.Equal(4, new PromptOptions().MaxStopSequences);
        Assert.Equal(["\n太郎:", "\nクラリス:", "\nAlice:", "\nノクス:"], Builder().Build(context).StopSequences);
        Assert.Equal(
            ["\n太郎:", "\nクラリス:", "\nAlice:", "\nノクス:", "\n太郎：", "\nクラリス：", "\nAlice：", "\nノクス：", "\nくらりす:"],
            Builder(maxStopSequences: 9).Build(context).StopSequences);
    }

    [Fact]
    public void Zero_sends_no_stop_sequences()
    {
        Assert.Empty(Builder(maxStopSequences: 0).Build(Group()).StopSequences);
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(12, -1)]
    public void Out_of_range_options_fail_naming_the_option(int historyLimit, int maxStopSequences)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Builder(historyLimit, maxStopSequences));

        Assert.Contains(historyLimit < 1 ? "Prompting:HistoryLimit" : "Prompting:MaxStopSequences", error.Message, StringComparison.Ordinal);
    }
}
