using LlmMultiChat.Grains.Coherence;

namespace LlmMultiChat.Grains.Tests.Coherence;

public sealed class NegationPairContradictionDetectorTests
{
    private static readonly NegationPairContradictionDetector Detector = new();

    [Theory]
    [InlineData("犬が好き", "犬が苦手")]
    [InlineData("私は犬が大好きです", "犬は嫌いです")]
    [InlineData("犬が好き", "犬はあまり好きじゃない")]
    [InlineData("犬が好き", "犬って好きではありません")]
    [InlineData("料理が得意です", "料理は苦手なんです")]
    [InlineData("その案に賛成です", "その案には反対です")]
    [InlineData("ラーメンが嫌い", "ラーメンが好き！")]
    [InlineData("I like dogs", "I hate dogs")]
    [InlineData("I love the dog", "I dislike dogs")]
    [InlineData("I really like dogs.", "I don't like dogs anymore")]
    [InlineData("I'm good at chess", "I'm bad at chess")]
    [InlineData("I am good at chess", "I am not good at chess")]
    [InlineData("I support the plan", "I'm against the plan")]
    public async Task An_opposite_stance_on_the_same_object_is_a_contradiction(string earlier, string now)
    {
        var contradiction = await Detector.FindAsync(now, [earlier], CancellationToken.None);

        Assert.NotNull(contradiction);
        Assert.Equal((earlier, now), (contradiction.EarlierStatement, contradiction.Statement));
    }

    [Theory]
    [InlineData("犬が好き", "犬も好き")]
    [InlineData("猫が苦手", "犬も好き")]
    [InlineData("犬が好き", "犬が得意")]
    [InlineData("犬が嫌い", "犬は嫌いじゃない")]
    [InlineData("私が好きなのは犬", "私が嫌いなのは猫")]
    [InlineData("今日は晴れ", "犬が苦手")]
    [InlineData("I like dogs", "I like dogs too")]
    [InlineData("I like cats", "I hate dogs")]
    [InlineData("I hate dogs", "I don't hate dogs")]
    [InlineData("I like dogs", "Dogs are loud")]
    public async Task The_same_stance_another_object_or_a_hedge_is_no_contradiction(string earlier, string now)
    {
        Assert.Null(await Detector.FindAsync(now, [earlier], CancellationToken.None));
    }

    [Fact]
    public async Task The_clarification_asks_in_the_upstream_words_rather_than_overwriting()
    {
        var contradiction = await Detector.FindAsync("犬が苦手", ["犬が好き"], CancellationToken.None);

        Assert.Equal("以前「犬が好き」とおっしゃっていましたが、今回は「犬が苦手」とのこと。お考えが変わられたのでしょうか？", contradiction?.Clarification);
        Assert.Equal("犬", contradiction?.Topic);
    }

    [Fact]
    public async Task An_english_statement_gets_an_english_question()
    {
        var contradiction = await Detector.FindAsync("I hate dogs", ["I like dogs"], CancellationToken.None);

        Assert.Equal("Earlier you said \"I like dogs\", but now \"I hate dogs\". Have you changed your mind?", contradiction?.Clarification);
    }

    [Fact]
    public async Task Only_the_latest_earlier_stance_on_the_object_counts()
    {
        // The user changed their mind and said so; repeating the new view is consistent.
        Assert.Null(await Detector.FindAsync("犬が苦手", ["犬が好き", "犬が苦手"], CancellationToken.None));

        var contradiction = await Detector.FindAsync("犬が好き", ["犬が好き", "猫が好き", "犬が苦手", "今日は雨"], CancellationToken.None);
        Assert.Equal("犬が苦手", contradiction?.EarlierStatement);
    }

    [Fact]
    public async Task Each_sentence_of_a_statement_is_checked()
    {
        var contradiction = await Detector.FindAsync("猫が好き。でも犬は嫌い。", ["犬が好き"], CancellationToken.None);

        Assert.Equal("犬", contradiction?.Topic);
    }
}
