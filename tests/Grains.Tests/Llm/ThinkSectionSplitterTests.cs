using LlmMultiChat.Grains.Llm;

namespace LlmMultiChat.Grains.Tests.Llm;

public sealed class ThinkSectionSplitterTests
{
    [Fact]
    public void Text_without_a_think_section_passes_through_unchanged()
    {
        var items = Split("Hello", " there", "!");

        Assert.Equal([new LlmToken("Hello"), new LlmToken(" there"), new LlmToken("!")], items);
    }

    [Fact]
    public void A_leading_section_is_thinking_and_the_answer_loses_the_blank_lines_after_it()
    {
        var items = Split("  <think>", "weigh options", "</think>", "\n\n", "Answer.");

        Assert.Equal([new LlmThinking("weigh options"), new LlmToken("Answer.")], items);
    }

    [Fact]
    public void Tags_split_across_tokens_are_recognised()
    {
        var items = Split("<", "thi", "nk>a", "b</", "th", "ink>c");

        Assert.Equal("ab", string.Concat(items.OfType<LlmThinking>().Select(t => t.Text)));
        Assert.Equal("c", string.Concat(items.OfType<LlmToken>().Select(t => t.Text)));
        Assert.DoesNotContain(items, i => i is LlmToken { Text: var t } && t.Contains('<', StringComparison.Ordinal));
    }

    [Fact]
    public void A_think_tag_in_the_middle_of_an_answer_is_just_text()
    {
        var items = Split("I ", "<think>", " so", "</think>");

        Assert.All(items, i => Assert.IsType<LlmToken>(i));
        Assert.Equal("I <think> so</think>", string.Concat(items.Cast<LlmToken>().Select(t => t.Text)));
    }

    [Fact]
    public void Text_that_only_looked_like_the_start_of_a_tag_is_released()
    {
        var items = Split("<", "3 you");

        Assert.Equal("<3 you", string.Concat(items.Cast<LlmToken>().Select(t => t.Text)));
    }

    [Fact]
    public void An_unterminated_section_is_thinking_when_the_stream_ends()
    {
        var items = Split("<think>", "still thinking", "</thi");

        Assert.Equal("still thinking</thi", string.Concat(items.Cast<LlmThinking>().Select(t => t.Text)));
    }

    private static List<LlmStreamItem> Split(params string[] pieces)
    {
        var splitter = new ThinkSectionSplitter();
        var items = pieces.SelectMany(splitter.Push).ToList();
        items.AddRange(splitter.Flush());
        return items;
    }
}
