using LlmMultiChat.Grains.Memory;

namespace LlmMultiChat.Grains.Tests.Memory;

/// <summary>The spec gives the formula (§3.6) but no worked examples; these are its terms one by one and its edges.</summary>
public sealed class ImportanceScorerTests
{
    private readonly ImportanceScorer _scorer = new();

    [Theory]
    [InlineData(0.0, 0.0, 0.0, 0, 0.0)]
    [InlineData(1.0, 0.0, 0.0, 0, 0.4)]
    [InlineData(-1.0, 0.0, 0.0, 0, 0.4)]
    [InlineData(0.0, 1.0, 0.0, 0, 0.3)]
    [InlineData(0.0, 0.0, 1.0, 0, 0.2)]
    [InlineData(0.0, 0.0, 0.0, 5, 0.05)]
    [InlineData(0.0, 0.0, 0.0, 25, 0.1)]
    [InlineData(-0.5, 0.6, 0.5, 1, 0.49)]
    [InlineData(1.0, 1.0, 1.0, 10, 1.0)]
    public void The_score_weighs_valence_novelty_relatedness_and_mentions(double valence, double novelty, double relatedness, int mentions, double expected)
    {
        Assert.Equal(expected, _scorer.Score(valence, novelty, relatedness, mentions), 10);
    }

    [Fact]
    public void The_score_never_leaves_zero_to_one_whatever_the_inputs()
    {
        Assert.Equal(1.0, _scorer.Score(3, 2, 5, 100), 10);
        Assert.Equal(0.0, _scorer.Score(0, -1, -1, -4), 10);
    }

    [Fact]
    public void A_single_mention_is_the_default()
    {
        Assert.Equal(0.01, _scorer.Score(0, 0, 0), 10);
    }

    [Theory]
    [InlineData(new float[] { }, 1.0)]
    [InlineData(new float[] { 0.95f, 0.79f, 0.5f }, 0.8)]
    [InlineData(new float[] { 0.8f, 0.9f, 0.99f, 0.85f, 0.81f, 0.97f }, 0.0)]
    [InlineData(new float[] { 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.9f }, 0.8)]
    public void Novelty_is_one_minus_the_share_of_the_five_nearest_that_are_at_least_80_percent_alike(float[] nearest, double expected)
    {
        Assert.Equal(expected, _scorer.Novelty(nearest), 10);
    }

    [Fact]
    public void Only_a_score_above_0_8_is_promoted_at_once()
    {
        // 0.36 + 0.3 + 0.1 + 0.03 = 0.79 stays for consolidation; with |valence| 1 it is 0.83.
        Assert.False(_scorer.PromoteAtOnce(_scorer.Score(-0.9, 1, 0.5, 3)));
        Assert.False(_scorer.PromoteAtOnce(0.8));
        Assert.True(_scorer.PromoteAtOnce(_scorer.Score(1, 1, 0.5, 3)));
    }
}
