using LlmMultiChat.Grains.Style;

namespace LlmMultiChat.Grains.Tests.Style;

public sealed class DialogueStyleAdapterTests
{
    private const double Precision = 1e-9;

    private static readonly DialogueStyleAdapter Adapter = new(new DialogueStyleOptions(), StyleFeedbackRules.Default);

    [Fact]
    public void The_defaults_are_upstream_s()
    {
        Assert.Equal(
            [0.5, 0.5, 0.5, 0.5, 0.7, 0.5],
            Enum.GetValues<DialogueStyleParameter>().Select(p => DialogueStyle.Default[p]));
    }

    [Theory]
    [InlineData("専門用語が多すぎる", DialogueStyleParameter.TechnicalLevel, -0.15)]
    [InlineData("That's too much jargon", DialogueStyleParameter.TechnicalLevel, -0.15)]
    [InlineData("Too technical for me", DialogueStyleParameter.TechnicalLevel, -0.15)]
    [InlineData("わかりやすく言って", DialogueStyleParameter.TechnicalLevel, -0.15)]
    [InlineData("Keep it simple", DialogueStyleParameter.TechnicalLevel, -0.15)]
    [InlineData("専門的に説明して", DialogueStyleParameter.TechnicalLevel, 0.15)]
    [InlineData("Give me the technical view", DialogueStyleParameter.TechnicalLevel, 0.15)]
    [InlineData("もっと詳しく説明してほしい", DialogueStyleParameter.Verbosity, 0.1)]
    [InlineData("もっと教えて", DialogueStyleParameter.Verbosity, 0.1)]
    [InlineData("More detail please", DialogueStyleParameter.Verbosity, 0.1)]
    [InlineData("簡潔にお願い", DialogueStyleParameter.Verbosity, -0.15)]
    [InlineData("Be brief", DialogueStyleParameter.Verbosity, -0.15)]
    [InlineData("カジュアルな感じがいい", DialogueStyleParameter.Formality, -0.1)]
    [InlineData("カジュアルに話して", DialogueStyleParameter.Formality, -0.1)]
    [InlineData("ちょっと堅すぎるよ", DialogueStyleParameter.Formality, -0.1)]
    [InlineData("You're too formal", DialogueStyleParameter.Formality, -0.1)]
    [InlineData("もっと丁寧に話して", DialogueStyleParameter.Formality, 0.1)]
    [InlineData("Could you be more polite?", DialogueStyleParameter.Formality, 0.1)]
    public void A_feedback_phrase_moves_its_parameter_and_nothing_else(string message, DialogueStyleParameter parameter, double delta)
    {
        var adapted = Adapter.Adapt(DialogueStyle.Default, message);

        Assert.Equal(DialogueStyle.Default.Shift(parameter, delta), adapted);
        Assert.Equal(DialogueStyle.Default[parameter] + delta, adapted[parameter], Precision);
    }

    [Theory]
    [InlineData("もっと簡単に")]
    [InlineData("ちょっとわかりにくい")]
    public void Asking_for_it_simpler_lowers_both_technical_level_and_verbosity(string message)
    {
        var adapted = Adapter.Adapt(DialogueStyle.Default, message);

        Assert.Equal(0.5 - 0.1, adapted.TechnicalLevel, Precision);
        Assert.Equal(0.5 - 0.1, adapted.Verbosity, Precision);
        Assert.Equal(DialogueStyle.Default, adapted with { TechnicalLevel = 0.5, Verbosity = 0.5 });
    }

    [Fact]
    public void A_parameter_moves_once_per_message_by_the_most_specific_rule()
    {
        // Contains 詳し, もっと教えて and detail (one verbosity rule) and 専門 inside 専門用語が多すぎる.
        var adapted = Adapter.Adapt(DialogueStyle.Default, "専門用語が多すぎるので、もっと教えて。詳しく。");

        Assert.Equal(0.5 - 0.15, adapted.TechnicalLevel, Precision);
        Assert.Equal(0.5 + 0.1, adapted.Verbosity, Precision);
    }

    [Fact]
    public void Values_stay_within_zero_and_one()
    {
        var style = DialogueStyle.Default;
        for (var i = 0; i < 20; i++)
        {
            style = Adapter.Adapt(style, "専門用語が多すぎる、もっと詳しく");
        }

        Assert.Equal(0, style.TechnicalLevel);
        Assert.Equal(1, style.Verbosity);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("今日はいい天気ですね")]
    [InlineData("What is the capital of France?")]
    public void Empty_or_unrelated_messages_change_nothing(string message)
    {
        Assert.Same(DialogueStyle.Default, Adapter.Adapt(DialogueStyle.Default, message));
    }

    [Fact]
    public void Explicit_feedback_moves_named_parameters_by_the_step_and_ignores_unknown_names_and_values()
    {
        var adapted = Adapter.Adjust(DialogueStyle.Default, new Dictionary<string, string>
        {
            ["humor"] = "+",
            ["technical_level"] = "-",
            ["sarcasm"] = "+",
            ["empathy"] = "much more",
        });

        Assert.Equal(DialogueStyle.Default with { Humor = 0.6, TechnicalLevel = 0.4 }, adapted);
    }

    [Fact]
    public void The_default_style_adds_no_prompt_lines()
    {
        Assert.Empty(Adapter.PromptLines(DialogueStyle.Default));
    }

    [Fact]
    public void Parameters_beyond_the_thresholds_add_their_instructions_in_parameter_order()
    {
        var style = DialogueStyle.Default with { Formality = 0.2, Verbosity = 0.8, TechnicalLevel = 0.25, Empathy = 0.9, Proactivity = 0.3 };

        Assert.Equal(
            [
                "フレンドリーでカジュアルな言葉遣いで話してください。",
                "具体例を交えて詳しく説明してください。",
                "専門用語を避け、誰にでもわかる平易な言葉で説明してください。",
                "ユーザーの気持ちに寄り添い、共感を示してください。",
            ],
            Adapter.PromptLines(style));
    }

    [Fact]
    public void Low_empathy_adds_no_instruction()
    {
        Assert.Empty(Adapter.PromptLines(DialogueStyle.Default with { Empathy = 0 }));
    }

    [Fact]
    public void The_thresholds_are_options()
    {
        var strict = new DialogueStyleAdapter(new DialogueStyleOptions { HighThreshold = 0.55, LowThreshold = 0.45 }, StyleFeedbackRules.Default);

        Assert.Equal(["ユーザーの気持ちに寄り添い、共感を示してください。", "聞かれたことだけに答えてください。"], strict.PromptLines(DialogueStyle.Default with { Proactivity = 0.4 }));
    }
}
