using LlmMultiChat.Grains.Emotions;

namespace LlmMultiChat.Grains.Tests.Emotions;

public sealed class EmotionLexiconTests
{
    [Theory]
    [InlineData("嬉しい", Emotion.Joy)]
    [InlineData("ありがとう", Emotion.Trust)]
    [InlineData("楽しかった", Emotion.Joy)]
    [InlineData("悲しい", Emotion.Sadness)]
    [InlineData("寂しいな", Emotion.Sadness)]
    [InlineData("怖い", Emotion.Fear)]
    [InlineData("腹が立つ", Emotion.Anger)]
    [InlineData("ムカつく", Emotion.Anger)]
    [InlineData("最悪だ...", Emotion.Disgust)]
    [InlineData("好きです", Emotion.Trust)]
    [InlineData("びっくりした", Emotion.Surprise)]
    [InlineData("I am happy", Emotion.Joy)]
    [InlineData("thanks!", Emotion.Trust)]
    [InlineData("so sad", Emotion.Sadness)]
    [InlineData("I'm angry", Emotion.Anger)]
    [InlineData("Scared.", Emotion.Fear)]
    [InlineData("I love this!", Emotion.Trust)]
    [InlineData("I hate this!", Emotion.Disgust)]
    public void Common_words_signal_their_emotion(string message, Emotion expected)
    {
        var cue = Assert.Single(EmotionLexicon.Default.Appraise(message).Cues);

        Assert.Equal((expected, false), (cue.Emotion, cue.Negated));
    }

    [Theory]
    [InlineData("素晴らしい！", 1)]
    [InlineData("I love this!", 1)]
    [InlineData("最悪だ...", -1)]
    [InlineData("I hate this!", -1)]
    [InlineData("嬉しくない", -1)]
    [InlineData("全然楽しくなかった", -1)]
    [InlineData("好きじゃない", -1)]
    [InlineData("好きではありません", -1)]
    [InlineData("I'm not happy", -1)]
    [InlineData("I don't really love it", -1)]
    [InlineData("怖くないよ", 1)]
    [InlineData("腹が立たない", 1)]
    [InlineData("I'm not scared", 1)]
    [InlineData("びっくりしなかった", 0)]
    [InlineData("I wasn't surprised", 0)]
    [InlineData("明日は会議です", 0)]
    [InlineData("The saddle is brown", 0)]
    [InlineData("", 0)]
    public void Valence_has_the_sign_of_the_message_with_negation_flipping_it(string message, int sign)
    {
        Assert.Equal(sign, Math.Sign(EmotionLexicon.Default.Appraise(message).Valence));
    }

    [Fact]
    public void A_negated_positive_word_reads_as_sadness_at_half_strength()
    {
        var cue = Assert.Single(EmotionLexicon.Default.Appraise("嬉しくない").Cues);

        Assert.Equal(new EmotionCue("嬉し", Emotion.Sadness, 0.5, Negated: true), cue);
    }

    [Fact]
    public void Negated_surprise_signals_nothing()
    {
        Assert.Empty(EmotionLexicon.Default.Appraise("全然びっくりしなかった").Cues);
        Assert.Single(EmotionLexicon.Default.Appraise("びっくりした").Cues);
    }

    [Fact]
    public void A_longer_term_claims_its_text_so_the_shorter_one_inside_it_is_not_counted_again()
    {
        var lexicon = new EmotionLexicon([new LexiconEntry("好き", Emotion.Trust, 0.5), new LexiconEntry("大好き", Emotion.Trust, 1.0)]);

        Assert.Equal([new EmotionCue("大好き", Emotion.Trust, 1.0, Negated: false)], lexicon.Appraise("犬が大好き").Cues);
    }

    [Fact]
    public void The_built_in_lexicon_has_a_few_hundred_entries()
    {
        Assert.InRange(EmotionLexicon.Default.Count, 200, 1000);
    }
}
