using LlmMultiChat.Grains.Prompting;
using static LlmMultiChat.Grains.Tests.Prompting.PromptFixtures;

namespace LlmMultiChat.Grains.Tests.Prompting;

public class ReplyFilterTests
{
    private static readonly string[] OwnAliases = ["るみな", "Lumina"];
    private static readonly string[] OtherNames = ["ノクス", "のくす", "Nox", "クラリス", "Clarisse", "太郎", "Alice"];

    // ---- Other speakers: stop, across every token split ----

    [Theory]
    [InlineData("はい。\nNox: 違う", "はい。")]
    [InlineData("はい。\nノクス：違う", "はい。")]
    [InlineData("はい。\nクラリス ：そう", "はい。")]
    [InlineData("ok\n  NOX :x", "ok")]
    [InlineData("a\n\n太郎: え", "a")]
    [InlineData("a\r\nAlice:b", "a")]
    [InlineData("ノクス: 俺が", "")]
    public void A_line_for_another_speaker_stops_the_reply_however_the_tokens_split(string reply, string expected)
    {
        var colon = reply.IndexOfAny([':', '：']);
        foreach (var tokens in Compositions(reply))
        {
            var filter = LuminaFilter();
            var released = "";
            var offset = 0;
            foreach (var token in tokens)
            {
                released += filter.Push(token);
                offset += token.Length;
                Assert.True(expected.StartsWith(released, StringComparison.Ordinal), Describe(tokens));
                Assert.True(offset > colon == filter.StoppedAtOtherSpeaker, Describe(tokens));
            }

            released += filter.Complete();
            Assert.Equal(expected, released);
        }
    }

    [Theory]
    [InlineData("今日はNox: 違う")]
    [InlineData("a\nNox said: b")]
    [InlineData("a\nNoxy: b")]
    [InlineData("a\nノクスは言った")]
    [InlineData("a\nノクス")]
    [InlineData("a\n- Nox: b")]
    [InlineData("a\nルミナ：ふふ")]
    public void A_name_mid_line_without_a_colon_or_the_speakers_own_later_line_does_not_stop(string reply)
    {
        foreach (var tokens in Compositions(reply))
        {
            var filter = LuminaFilter();
            var released = string.Concat(tokens.Select(filter.Push)) + filter.Complete();

            Assert.Equal(reply, released);
            Assert.False(filter.StoppedAtOtherSpeaker, Describe(tokens));
        }
    }

    [Fact]
    public void Nothing_is_released_after_the_stop()
    {
        var filter = LuminaFilter();

        Assert.Equal("a", filter.Push("a\nNox: b"));
        Assert.Equal("", filter.Push("more\nand more"));
        Assert.Equal("", filter.Complete());
        Assert.True(filter.StoppedAtOtherSpeaker);
    }

    // ---- The speaker's own leading label ----

    [Theory]
    [InlineData("ルミナ：こんにちは", "こんにちは")]
    [InlineData("Lumina: hi", "hi")]
    [InlineData(" lumina :\nhi", "hi")]
    [InlineData("るみな: ルミナ: hi", "hi")]
    [InlineData("ルミナ", "ルミナ")]
    [InlineData("ルミナです", "ルミナです")]
    public void A_leading_own_label_is_dropped_however_the_tokens_split(string reply, string expected)
    {
        foreach (var tokens in Compositions(reply))
        {
            var filter = LuminaFilter();
            var released = string.Concat(tokens.Select(filter.Push)) + filter.Complete();

            Assert.Equal(expected, released);
            Assert.False(filter.StoppedAtOtherSpeaker, Describe(tokens));
        }
    }

    [Fact]
    public void Another_speaker_right_after_the_own_label_still_stops()
    {
        var filter = LuminaFilter();

        Assert.Equal("", filter.Push("Lumina: \nNox: hi"));
        Assert.True(filter.StoppedAtOtherSpeaker);
    }

    // ---- Hand-over tags ----

    [Theory]
    [InlineData("ね。[Next: nox]", "ね。", "nox")]
    [InlineData("聞いて［next：ノクス］！", "聞いて！", "ノクス")]
    [InlineData("[ NEXT : cl ]", "", "cl")]
    [InlineData("[Next:x]b[next:y]", "b", "y")]
    [InlineData("[[Next: nox]", "[", "nox")]
    public void A_hand_over_tag_is_removed_and_reported_however_the_tokens_split(string reply, string expected, string handOver)
    {
        foreach (var tokens in Compositions(reply))
        {
            var filter = LuminaFilter();
            var released = string.Concat(tokens.Select(filter.Push)) + filter.Complete();

            Assert.Equal(expected, released);
            Assert.Equal(handOver, filter.HandOverTo);
        }
    }

    [Theory]
    [InlineData("[注意] 熱い")]
    [InlineData("[Next] x")]
    [InlineData("[Next: ] x")]
    [InlineData("a [Next: nox")]
    [InlineData("[Next: a\nb]")]
    public void Text_that_only_looks_like_a_tag_is_kept(string reply)
    {
        foreach (var tokens in Compositions(reply))
        {
            var filter = LuminaFilter();
            var released = string.Concat(tokens.Select(filter.Push)) + filter.Complete();

            Assert.Equal(reply, released);
            Assert.Null(filter.HandOverTo);
        }
    }

    [Fact]
    public void A_tag_value_longer_than_the_limit_is_text()
    {
        var reply = "[Next: " + new string('x', ReplyFilter.MaxHandOverLength + 1) + "]";
        var filter = LuminaFilter();

        Assert.Equal(reply, filter.Push(reply) + filter.Complete());
        Assert.Null(filter.HandOverTo);
    }

    [Fact]
    public void A_tag_before_another_speakers_line_is_reported_and_the_line_dropped()
    {
        var filter = LuminaFilter();

        Assert.Equal("ね。", filter.Push("ね。[Next: nox]\nノクス: 了解") + filter.Complete());
        Assert.Equal("nox", filter.HandOverTo);
        Assert.True(filter.StoppedAtOtherSpeaker);
    }

    // ---- Hold-back: exactly what is released after each token ----

    [Theory]
    [InlineData(new[] { "こんにちは", "\n", "ノ", "ク", "ス", "さん", "もね" }, new[] { "こんにちは", "", "", "", "", "\nノクスさん", "もね" })]
    [InlineData(new[] { "Hi", " there", "\n", "Nox", " ", "said", "." }, new[] { "Hi", " there", "", "", "", "\nNox said", "." })]
    [InlineData(new[] { "x", "\n", "\n", "  ", "b" }, new[] { "x", "", "", "", "\n\n  b" })]
    [InlineData(new[] { "a", "l", "e" }, new[] { "", "", "ale" })]
    [InlineData(new[] { "ok ", "Nox", ":", " hi" }, new[] { "ok ", "Nox", ":", " hi" })]
    [InlineData(new[] { "ル", "ミ", "ナ", "：", "やあ" }, new[] { "", "", "", "", "やあ" })]
    [InlineData(new[] { "Lumina:", " ", "hi" }, new[] { "", "", "hi" })]
    [InlineData(new[] { "ル", "ビー" }, new[] { "", "ルビー" })]
    [InlineData(new[] { "見て", "[", "Next", ":", " nox", "]", "!" }, new[] { "見て", "", "", "", "", "", "!" })]
    [InlineData(new[] { "x", "[", "注", "意]" }, new[] { "x", "", "[注", "意]" })]
    [InlineData(new[] { "x", "[Ne", "w]" }, new[] { "x", "", "[New]" })]
    public void Text_is_released_as_soon_as_it_cannot_start_a_pattern(string[] tokens, string[] expected)
    {
        var filter = LuminaFilter();

        Assert.Equal(expected, tokens.Select(filter.Push));
        Assert.Equal("", filter.Complete());
    }

    [Fact]
    public void A_partial_name_at_the_end_is_released_by_complete()
    {
        var filter = LuminaFilter();

        Assert.Equal("a", filter.Push("a\nNo"));
        Assert.Equal("\nNo", filter.Complete());
    }

    [Fact]
    public void Without_other_participants_a_line_break_is_not_held()
    {
        var filter = new ReplyFilter("ルミナ", [], []);
        string[] tokens = ["a", "\n", "ルミナ：", "b"];

        Assert.Equal(tokens, tokens.Select(filter.Push));
    }

    [Fact]
    public void The_filter_for_a_context_knows_every_other_name_and_the_speakers_aliases()
    {
        var context = Group();
        var reply = "Lumina: はい。\nくらりす： いかがでしょう";

        var filter = ReplyFilter.For(context);

        Assert.Equal("はい。", filter.Push(reply) + filter.Complete());
        Assert.True(filter.StoppedAtOtherSpeaker);
    }

    [Fact]
    public void Push_after_complete_fails()
    {
        var filter = LuminaFilter();
        filter.Complete();

        Assert.Throws<InvalidOperationException>(() => filter.Push("x"));
    }

    private static ReplyFilter LuminaFilter() => new("ルミナ", OwnAliases, OtherNames);

    /// <summary>Every way to cut <paramref name="text"/> into consecutive non-empty tokens (2^(n-1) of them).</summary>
    private static IEnumerable<string[]> Compositions(string text)
    {
        Assert.True(text.Length <= 17, "keep split-everywhere texts short");
        for (var mask = 0; mask < 1 << (text.Length - 1); mask++)
        {
            var tokens = new List<string>();
            var start = 0;
            for (var i = 1; i < text.Length; i++)
            {
                if ((mask & (1 << (i - 1))) != 0)
                {
                    tokens.Add(text[start..i]);
                    start = i;
                }
            }

            tokens.Add(text[start..]);
            yield return [.. tokens];
        }
    }

    private static string Describe(string[] tokens) => "tokens: " + string.Join(" | ", tokens.Select(t => t.Replace("\n", "\\n", StringComparison.Ordinal)));
}
