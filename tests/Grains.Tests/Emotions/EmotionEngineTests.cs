using LlmMultiChat.Grains.Emotions;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Emotions;

public sealed class EmotionEngineTests
{
    private const double Precision = 1e-9;

    private readonly ManualTimeProvider _time = new();
    private readonly EmotionOptions _options = new();

    private EmotionEngine Engine => new(_options, _time);

    [Fact]
    public void A_positive_Japanese_message_raises_joy_and_anticipation_and_leaves_sadness()
    {
        var start = Engine.Start(EmotionBaselines.Neutral);

        var after = Engine.React(start, EmotionLexicon.Default.Appraise("今日はすごく嬉しい！")).Emotion.Current;

        Assert.Equal(0.5 + 0.2, after.Joy, Precision);
        Assert.Equal(0.5 + 0.1, after.Anticipation, Precision);
        Assert.Equal(0, after.Sadness, Precision);
    }

    [Fact]
    public void A_negative_Japanese_message_raises_sadness_and_trust_and_leaves_joy()
    {
        var start = Engine.Start(EmotionBaselines.Neutral);

        var after = Engine.React(start, EmotionLexicon.Default.Appraise("悲しくて寂しい")).Emotion.Current;

        // Two sad words still move sadness by one step: a message counts once however many words it piles up.
        Assert.Equal(0.2, after.Sadness, Precision);
        Assert.Equal(0.5 + 0.1, after.Trust, Precision);
        Assert.Equal(0.5, after.Joy, Precision);
    }

    [Fact]
    public void A_message_without_emotional_words_changes_nothing()
    {
        var start = Engine.Start(EmotionBaselines.Lumina);

        var change = Engine.React(start, EmotionLexicon.Default.Appraise("明日の予定を教えて"));

        Assert.Equal(EmotionBaselines.Lumina, change.Emotion.Current);
        Assert.Empty(change.Deltas);
    }

    [Fact]
    public void Values_stay_within_zero_and_one_however_many_messages_push_them()
    {
        var emotion = Engine.Start(EmotionBaselines.Lumina);
        for (var i = 0; i < 10; i++)
        {
            emotion = Engine.React(emotion, EmotionLexicon.Default.Appraise("最高に嬉しい！ありがとう！")).Emotion;
        }

        Assert.Equal(1, emotion.Current.Joy);
        Assert.Equal(1, emotion.Current.Trust);
        Assert.All(EmotionState.All, e => Assert.InRange(emotion.Current[e], 0, 1));
    }

    [Fact]
    public void Emotions_decay_halfway_to_the_baseline_per_half_life_and_return_to_it()
    {
        var moved = Engine.React(Engine.Start(EmotionBaselines.Neutral), EmotionLexicon.Default.Appraise("悲しい")).Emotion;
        Assert.Equal(0.2, moved.Current.Sadness, Precision);

        _time.Advance(_options.DecayHalfLife);
        var half = Engine.Decay(moved);
        Assert.Equal(0.1, half.Current.Sadness, Precision);
        Assert.Equal(0.5 + 0.05, half.Current.Trust, Precision);

        _time.Advance(TimeSpan.FromDays(3));
        var rested = Engine.Decay(half);
        Assert.All(EmotionState.All, e => Assert.Equal(EmotionBaselines.Neutral[e], rested.Current[e], 1e-6));
    }

    [Fact]
    public void A_message_acts_on_the_decayed_state()
    {
        var moved = Engine.React(Engine.Start(EmotionBaselines.Neutral), EmotionLexicon.Default.Appraise("悲しい")).Emotion;

        _time.Advance(_options.DecayHalfLife);
        var again = Engine.React(moved, EmotionLexicon.Default.Appraise("悲しい")).Emotion;

        Assert.Equal(0.1 + 0.2, again.Current.Sadness, Precision);
    }

    [Fact]
    public void The_decay_half_life_is_an_option()
    {
        _options.DecayHalfLife = TimeSpan.FromMinutes(30);
        var moved = Engine.React(Engine.Start(EmotionBaselines.Neutral), EmotionLexicon.Default.Appraise("悲しい")).Emotion;

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0.05, Engine.Decay(moved).Current.Sadness, Precision);
    }

    [Fact]
    public void The_mood_trend_needs_enough_samples_in_the_last_day()
    {
        var emotion = Engine.Start(EmotionBaselines.Neutral);
        for (var i = 0; i < 4; i++)
        {
            emotion = Engine.React(emotion, EmotionLexicon.Default.Appraise("悲しい")).Emotion;
        }

        Assert.Equal(new MoodTrend(MoodDirection.Insufficient, null, 4), Engine.Trend(emotion));
    }

    [Fact]
    public void Sad_messages_over_the_day_make_a_negative_trend_led_by_sadness()
    {
        var emotion = Engine.Start(EmotionBaselines.Neutral);
        for (var i = 0; i < 5; i++)
        {
            emotion = Engine.React(emotion, EmotionLexicon.Default.Appraise("悲しい、つらい、寂しい")).Emotion;
            _time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal(new MoodTrend(MoodDirection.Negative, Emotion.Sadness, 5), Engine.Trend(emotion));
    }

    [Fact]
    public void Neutral_chat_at_the_baseline_makes_a_stable_trend()
    {
        var emotion = Engine.Start(EmotionBaselines.Lumina);
        for (var i = 0; i < 5; i++)
        {
            emotion = Engine.React(emotion, EmotionLexicon.Default.Appraise("明日の予定は？")).Emotion;
        }

        Assert.Equal(new MoodTrend(MoodDirection.Stable, Emotion.Trust, 5), Engine.Trend(emotion));
    }

    [Fact]
    public void Samples_older_than_the_mood_window_leave_the_trend_and_the_history()
    {
        var emotion = Engine.Start(EmotionBaselines.Neutral);
        for (var i = 0; i < 5; i++)
        {
            emotion = Engine.React(emotion, EmotionLexicon.Default.Appraise("嬉しい")).Emotion;
        }

        _time.Advance(TimeSpan.FromHours(25));
        Assert.Equal(MoodDirection.Insufficient, Engine.Trend(emotion).Direction);
        Assert.Single(Engine.React(emotion, EmotionLexicon.Default.Appraise("嬉しい")).Emotion.History);
    }

    [Fact]
    public void The_mood_history_keeps_at_most_the_configured_number_of_samples_newest_last()
    {
        _options.MaxMoodSamples = 3;
        var emotion = Engine.Start(EmotionBaselines.Neutral);
        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            emotion = Engine.React(emotion, EmotionLexicon.Default.Appraise("嬉しい")).Emotion;
        }

        Assert.Equal([3, 4, 5], emotion.History.Select(s => (int)(s.At - EmotionStart).TotalMinutes));
    }

    [Theory]
    [InlineData(Emotion.Joy, "明るく前向きなトーンで")]
    [InlineData(Emotion.Sadness, "共感的で優しいトーンで")]
    [InlineData(Emotion.Anger, "やや強めの言葉選びで")]
    [InlineData(Emotion.Surprise, "好奇心を持って")]
    [InlineData(Emotion.Trust, "温かく支持的なトーンで")]
    [InlineData(Emotion.Fear, "自然なトーンで")]
    [InlineData(Emotion.Disgust, "自然なトーンで")]
    [InlineData(Emotion.Anticipation, "自然なトーンで")]
    public void The_emotion_risen_most_above_the_baseline_is_dominant_and_gives_the_tone_instruction(Emotion risen, string instruction)
    {
        var baseline = EmotionState.From(_ => 0.5);
        var emotion = new CharacterEmotion(EmotionState.From(e => e == risen ? 0.8 : 0.5), baseline, _time.GetUtcNow(), []);

        Assert.Equal(risen, Engine.Dominant(emotion));
        Assert.Equal(instruction, EmotionTone.Instruction(Engine.Dominant(emotion)));
    }

    [Fact]
    public void At_rest_the_strongest_emotion_is_dominant()
    {
        Assert.Equal(Emotion.Trust, Engine.Dominant(Engine.Start(EmotionBaselines.Clarisse)));
        Assert.Equal(Emotion.Anticipation, Engine.Dominant(Engine.Start(EmotionBaselines.Nox)));
    }

    [Fact]
    public void A_sad_message_makes_sadness_dominant_even_where_the_baseline_trust_is_higher()
    {
        var emotion = Engine.Start(EmotionBaselines.Clarisse);
        Assert.Equal("温かく支持的なトーンで", EmotionTone.Instruction(Engine.Dominant(emotion)));

        emotion = Engine.React(emotion, EmotionLexicon.Default.Appraise("悲しい")).Emotion;

        Assert.Equal(Emotion.Trust, emotion.Current.Strongest);
        Assert.Equal("共感的で優しいトーンで", EmotionTone.Instruction(Engine.Dominant(emotion)));
    }

    [Fact]
    public void A_rise_that_has_decayed_below_the_threshold_no_longer_sets_the_tone()
    {
        var emotion = Engine.React(Engine.Start(EmotionBaselines.Clarisse), EmotionLexicon.Default.Appraise("悲しい")).Emotion;

        _time.Advance(_options.DecayHalfLife);
        Assert.Equal(Emotion.Sadness, Engine.Dominant(Engine.Decay(emotion)));

        _time.Advance(_options.DecayHalfLife * 2);
        Assert.Equal(Emotion.Trust, Engine.Dominant(Engine.Decay(emotion)));
    }

    [Fact]
    public void Upstream_characters_start_from_their_own_baselines_and_others_from_the_neutral_one()
    {
        Assert.Equal(new EmotionState(0.3, 0.5, 0, 0.4, 0, 0.2, 0.1, 0.7), EmotionBaselines.For("nox"));
        Assert.Equal(EmotionBaselines.Clarisse, EmotionBaselines.For("clarisse"));
        Assert.Equal(EmotionBaselines.Neutral, EmotionBaselines.For("someone-else"));
    }

    private static DateTimeOffset EmotionStart => new ManualTimeProvider().GetUtcNow();
}
