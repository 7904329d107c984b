using System.Text;
using System.Text.RegularExpressions;

namespace LlmMultiChat.Grains.Coherence;

/// <summary>
/// Reads stances out of a statement with the upstream negation pairs (P5: 好き/苦手, 得意/苦手, 賛成/反対; plus
/// 好き/嫌い, 好き/好きじゃない and like/dislike/hate). Japanese: "{object}が|は|も|って|に{predicate}", the object being
/// the kanji/katakana/latin run before the particle (or the kana run when there is none). English: "I (don't)
/// like/hate ... {object}", "I'm (not) good/bad at {object}". An attributive 好きな ("the one I like is ...") is
/// not a stance on the word before it, so it is skipped.
/// </summary>
public static partial class StanceExtractor
{
    private static readonly Dictionary<string, (StanceKind Kind, bool Positive)[]> JapanesePredicates = new(StringComparer.Ordinal)
    {
        ["大好き"] = [(StanceKind.Preference, true)],
        ["好き"] = [(StanceKind.Preference, true)],
        ["大嫌い"] = [(StanceKind.Preference, false)],
        ["嫌い"] = [(StanceKind.Preference, false)],
        // 苦手 is both "dislike" and "bad at": it contradicts 好き as well as 得意.
        ["苦手"] = [(StanceKind.Preference, false), (StanceKind.Skill, false)],
        ["得意"] = [(StanceKind.Skill, true)],
        ["賛成"] = [(StanceKind.Agreement, true)],
        ["反対"] = [(StanceKind.Agreement, false)],
    };

    private static readonly Dictionary<string, (StanceKind Kind, bool Positive)> EnglishPredicates = new(StringComparer.Ordinal)
    {
        ["like"] = (StanceKind.Preference, true),
        ["love"] = (StanceKind.Preference, true),
        ["enjoy"] = (StanceKind.Preference, true),
        ["adore"] = (StanceKind.Preference, true),
        ["dislike"] = (StanceKind.Preference, false),
        ["hate"] = (StanceKind.Preference, false),
        ["detest"] = (StanceKind.Preference, false),
        ["support"] = (StanceKind.Agreement, true),
        ["oppose"] = (StanceKind.Agreement, false),
        ["good at"] = (StanceKind.Skill, true),
        ["great at"] = (StanceKind.Skill, true),
        ["bad at"] = (StanceKind.Skill, false),
        ["terrible at"] = (StanceKind.Skill, false),
        ["in favor of"] = (StanceKind.Agreement, true),
        ["in favour of"] = (StanceKind.Agreement, true),
        ["against"] = (StanceKind.Agreement, false),
    };

    public static IReadOnlyList<Stance> Extract(string statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var text = statement.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        return [.. Japanese(text).Concat(English(text)).Distinct()];
    }

    private static IEnumerable<Stance> Japanese(string text)
    {
        foreach (Match match in JapaneseStance().Matches(text))
        {
            var subject = ObjectBefore(text, match.Index);
            var negated = match.Groups["neg"].Success;
            foreach (var (kind, positive) in JapanesePredicates[match.Groups["pred"].Value])
            {
                // "Not disliking" (嫌いじゃない) is a hedge, not a stance: it contradicts neither 好き nor 嫌い.
                if (subject.Length > 0 && !(negated && !positive))
                {
                    yield return new Stance(kind, subject, positive && !negated);
                }
            }
        }
    }

    private static IEnumerable<Stance> English(string text)
    {
        foreach (Match match in EnglishStance().Matches(text))
        {
            var (kind, positive) = EnglishPredicates[WhiteSpace().Replace(match.Groups["pred"].Value, " ")];
            var negated = match.Groups["neg"].Success;
            var subject = EnglishObject(match.Groups["obj"].Value);
            if (subject.Length > 0 && !(negated && !positive))
            {
                yield return new Stance(kind, subject, positive && !negated);
            }
        }
    }

    /// <summary>The run of kanji, katakana, latin letters and digits ending at <paramref name="end"/>, else the kana run.</summary>
    private static string ObjectBefore(string text, int end)
    {
        var start = end;
        while (start > 0 && IsContent(text[start - 1]))
        {
            start--;
        }

        if (start == end)
        {
            while (start > 0 && IsHiragana(text[start - 1]))
            {
                start--;
            }
        }

        return text[start..end];
    }

    /// <summary>"the dogs too" → "dog": articles and trailing fillers go, and a plural s, so "dogs" and "dog" match.</summary>
    private static string EnglishObject(string phrase)
    {
        var subject = Fillers().Replace(Articles().Replace(phrase.Trim(), string.Empty), string.Empty).Trim();
        return subject.Length > 3 && subject.EndsWith('s') && !subject.EndsWith("ss", StringComparison.Ordinal) ? subject[..^1] : subject;
    }

    private static bool IsContent(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or '々' or (>= '\u30A0' and <= '\u30FF') || char.IsAsciiLetterOrDigit(c);

    private static bool IsHiragana(char c) => c is >= '\u3041' and <= '\u3096';

    [GeneratedRegex("(?:には|にも|が|は|も|って|に)(?:とても|すごく|本当に|結構|けっこう|かなり|あまり|全然|ぜんぜん)?(?<pred>大好き|好き|大嫌い|嫌い|苦手|得意|賛成|反対)(?!な(?!ん))(?<neg>じゃない|じゃありません|じゃなかった|ではない|ではありません|ではなかった|でない|でもない)?")]
    private static partial Regex JapaneseStance();

    [GeneratedRegex(@"\bi(?:'m|’m|\s+am)?\s+(?:(?:really|also|do|still|totally|just|very)\s+)*(?<neg>(?:don't|don’t|do\s+not|didn't|never|no\s+longer|not)\s+)?(?:(?:really|very|that)\s+)?(?<pred>like|love|enjoy|adore|dislike|hate|detest|support|oppose|good\s+at|great\s+at|bad\s+at|terrible\s+at|in\s+favou?r\s+of|against)(?:s|d|ed)?\s+(?<obj>[^.!?,;。！？、\n]+)")]
    private static partial Regex EnglishStance();

    [GeneratedRegex(@"^(?:the|a|an|my)\s+")]
    private static partial Regex Articles();

    [GeneratedRegex(@"\s+(?:too|also|as\s+well|very\s+much|so\s+much|a\s+lot|anymore|any\s+more|either)$")]
    private static partial Regex Fillers();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
