using LlmMultiChat.Grains.Prompting;

namespace LlmMultiChat.Grains.Tests.Prompting;

public sealed class TokenEstimateTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("abcd", 1)]
    [InlineData("abcde", 2)]
    [InlineData("犬が好き", 4)]
    [InlineData("I like 犬", 3)]
    [InlineData("😀", 1)]
    public void Ascii_costs_a_quarter_token_per_character_and_anything_else_one(string text, int expected)
    {
        Assert.Equal(expected, TokenEstimate.Of(text));
    }

    [Fact]
    public void Items_are_kept_in_order_while_they_fit_the_budget()
    {
        var kept = TokenEstimate.Fit(["一二三", "四五六", "七八九"], budget: 7, maxChars: 100);

        Assert.Equal(["一二三", "四五六"], kept);
    }

    [Fact]
    public void A_long_item_is_cut_to_the_maximum_characters_without_splitting_a_surrogate_pair()
    {
        var kept = TokenEstimate.Fit(["ab😀cd"], budget: 100, maxChars: 3);

        Assert.Equal(["ab…"], kept);
    }

    [Fact]
    public void A_zero_budget_keeps_nothing()
    {
        Assert.Empty(TokenEstimate.Fit(["a"], budget: 0, maxChars: 10));
    }
}
