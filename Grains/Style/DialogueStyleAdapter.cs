namespace LlmMultiChat.Grains.Style;

/// <summary>
/// Adapts a user's dialogue style from what they say about the answers (feedback phrases) or from explicit
/// per-parameter feedback, and turns the style into prompt instructions.
/// </summary>
public sealed class DialogueStyleAdapter
{
    /// <summary>The parameter names of upstream's specific_feedback (snake_case, as its clients send them).</summary>
    private static readonly Dictionary<string, DialogueStyleParameter> ParameterNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["formality"] = DialogueStyleParameter.Formality,
        ["verbosity"] = DialogueStyleParameter.Verbosity,
        ["humor"] = DialogueStyleParameter.Humor,
        ["technical_level"] = DialogueStyleParameter.TechnicalLevel,
        ["empathy"] = DialogueStyleParameter.Empathy,
        ["proactivity"] = DialogueStyleParameter.Proactivity,
    };

    private readonly DialogueStyleOptions _options;
    private readonly IReadOnlyList<StyleFeedbackRule> _rules;

    public DialogueStyleAdapter(DialogueStyleOptions options, IReadOnlyList<StyleFeedbackRule> rules)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rules);
        options.Validate();
        _options = options;
        _rules = rules;
    }

    /// <summary>
    /// Applies the rules whose phrases the message contains. Each parameter moves at most once per message, by the
    /// first rule naming it (rules are ordered most specific first); a message with no known phrase changes nothing.
    /// </summary>
    public DialogueStyle Adapt(DialogueStyle style, string message)
    {
        ArgumentNullException.ThrowIfNull(style);
        if (string.IsNullOrWhiteSpace(message))
        {
            return style;
        }

        var moved = new HashSet<DialogueStyleParameter>();
        foreach (var rule in _rules.Where(r => r.Phrases.Any(p => message.Contains(p, StringComparison.OrdinalIgnoreCase))))
        {
            foreach (var (parameter, delta) in rule.Changes.Where(c => moved.Add(c.Key)))
            {
                style = style.Shift(parameter, delta);
            }
        }

        return style;
    }

    /// <summary>
    /// Applies explicit feedback, parameter name → "+" or "-" (P5's specific_feedback). Unknown names and values are
    /// ignored: a newer client may send parameters this server does not know.
    /// </summary>
    public DialogueStyle Adjust(DialogueStyle style, IReadOnlyDictionary<string, string> feedback)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(feedback);
        foreach (var (name, direction) in feedback)
        {
            var sign = direction switch { "+" => 1, "-" => -1, _ => 0 };
            if (sign != 0 && ParameterNames.TryGetValue(name, out var parameter))
            {
                style = style.Shift(parameter, sign * _options.ExplicitStep);
            }
        }

        return style;
    }

    /// <summary>One Japanese instruction per parameter that sits beyond a threshold (P5's table), in parameter order.</summary>
    public IReadOnlyList<string> PromptLines(DialogueStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        return
        [
            .. Enum.GetValues<DialogueStyleParameter>()
                .Select(p => style[p] > _options.HighThreshold ? High(p) : style[p] < _options.LowThreshold ? Low(p) : null)
                .OfType<string>(),
        ];
    }

    private static string High(DialogueStyleParameter parameter) => parameter switch
    {
        DialogueStyleParameter.Formality => "丁寧で礼儀正しい言葉遣いで話してください。",
        DialogueStyleParameter.Verbosity => "具体例を交えて詳しく説明してください。",
        DialogueStyleParameter.Humor => "適度にユーモアを交え、楽しい雰囲気で話してください。",
        DialogueStyleParameter.TechnicalLevel => "専門用語や技術的な詳細も含めて説明してください。",
        DialogueStyleParameter.Empathy => "ユーザーの気持ちに寄り添い、共感を示してください。",
        DialogueStyleParameter.Proactivity => "関連する提案や補足情報を積極的に伝えてください。",
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "Not a dialogue style parameter."),
    };

    /// <summary>Null for empathy: upstream gives no instruction for low empathy (being cold is never asked for).</summary>
    private static string? Low(DialogueStyleParameter parameter) => parameter switch
    {
        DialogueStyleParameter.Formality => "フレンドリーでカジュアルな言葉遣いで話してください。",
        DialogueStyleParameter.Verbosity => "簡潔に要点だけを伝えてください。",
        DialogueStyleParameter.Humor => "真面目で誠実なトーンで話してください。",
        DialogueStyleParameter.TechnicalLevel => "専門用語を避け、誰にでもわかる平易な言葉で説明してください。",
        DialogueStyleParameter.Empathy => null,
        DialogueStyleParameter.Proactivity => "聞かれたことだけに答えてください。",
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "Not a dialogue style parameter."),
    };
}
