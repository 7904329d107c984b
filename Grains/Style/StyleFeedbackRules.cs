namespace LlmMultiChat.Grains.Style;

/// <summary>
/// The feedback phrases of upstream spec §6.4: S04's table, P5's keywords, P5's prose examples where they correct
/// its code, and 堅すぎる; English phrases for S04's Japanese-only rules are ours. Ordered most specific first, because a parameter moves by the first rule that names it:
/// that is what keeps 専門用語が多すぎる (too much jargon) from reading as 専門 (more technical), P5's own bug.
/// </summary>
public static class StyleFeedbackRules
{
    public static IReadOnlyList<StyleFeedbackRule> Default { get; } =
    [
        Rule(["専門用語が多すぎる", "too much jargon", "too technical", "less technical"], (DialogueStyleParameter.TechnicalLevel, -0.15)),
        Rule(["もっと簡単に", "わかりにくい", "分かりにくい"], (DialogueStyleParameter.TechnicalLevel, -0.1), (DialogueStyleParameter.Verbosity, -0.1)),
        Rule(["わかりやすく", "分かりやすく", "simple"], (DialogueStyleParameter.TechnicalLevel, -0.15)),
        Rule(["専門", "technical"], (DialogueStyleParameter.TechnicalLevel, 0.15)),
        Rule(["詳し", "もっと教えて", "detail"], (DialogueStyleParameter.Verbosity, 0.1)),
        Rule(["簡潔", "brief"], (DialogueStyleParameter.Verbosity, -0.15)),
        Rule(["カジュアル", "堅すぎる", "固すぎる", "casual", "too formal"], (DialogueStyleParameter.Formality, -0.1)),
        Rule(["もっと丁寧に", "more polite", "more formal"], (DialogueStyleParameter.Formality, 0.1)),
    ];

    private static StyleFeedbackRule Rule(string[] phrases, params (DialogueStyleParameter Parameter, double Delta)[] changes) =>
        new(phrases, changes.ToDictionary(c => c.Parameter, c => c.Delta));
}
