using System.Globalization;
using System.Text.RegularExpressions;

namespace LlmMultiChat.Grains.Emotions;

/// <summary>
/// The built-in Japanese + English emotion lexicon (ARCHITECTURE §6, "Japanese text"): Japanese stems matched as
/// substrings (Japanese has no spaces to split on), English words matched whole, each hit flipped by a negation
/// right after it (Japanese) or shortly before it (English).
/// </summary>
public sealed partial class EmotionLexicon : IEmotionAppraiser
{
    /// <summary>Below half strength: "not scared" says less than "happy" does.</summary>
    private const double NegatedIntensity = 0.5;

    /// <summary>How many words back an English negator still applies ("not very happy", "don't really love").</summary>
    private const int EnglishNegationReach = 3;

    private static readonly HashSet<string> EnglishNegators =
        ["not", "no", "never", "don't", "dont", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "can't", "cannot", "won't", "hardly", "nothing"];

    private static readonly Lazy<EmotionLexicon> BuiltIn = new(LoadBuiltIn);

    private readonly IReadOnlyList<LexiconEntry> _japanese;
    private readonly Dictionary<string, LexiconEntry> _english;

    public EmotionLexicon(IEnumerable<LexiconEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var all = entries.ToList();
        // Longest first, so 大好き claims its text before 好き can count it a second time.
        _japanese = [.. all.Where(e => !IsEnglish(e.Term)).OrderByDescending(e => e.Term.Length)];
        _english = all.Where(e => IsEnglish(e.Term)).ToDictionary(e => e.Term.ToLowerInvariant(), StringComparer.Ordinal);
    }

    /// <summary>The lexicon shipped in the assembly (Emotions/EmotionLexicon.tsv).</summary>
    public static EmotionLexicon Default => BuiltIn.Value;

    public int Count => _japanese.Count + _english.Count;

    public ValueTask<EmotionAppraisal> AppraiseAsync(string message, CancellationToken cancellationToken) => ValueTask.FromResult(Appraise(message));

    public EmotionAppraisal Appraise(string message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return EmotionAppraisal.None;
        }

        var cues = JapaneseCues(message).Concat(EnglishCues(message)).ToList();
        var valence = Math.Clamp(cues.Sum(c => Valence(c.Emotion) * c.Intensity), -1, 1);
        return new EmotionAppraisal(cues, valence);
    }

    /// <summary>+1 for joy, trust and anticipation, -1 for fear, sadness, disgust and anger, 0 for surprise.</summary>
    public static int Valence(Emotion emotion) => emotion switch
    {
        Emotion.Joy or Emotion.Trust or Emotion.Anticipation => 1,
        Emotion.Surprise => 0,
        _ => -1,
    };

    private IEnumerable<EmotionCue> JapaneseCues(string message)
    {
        var claimed = new bool[message.Length];
        foreach (var entry in _japanese)
        {
            for (var at = message.IndexOf(entry.Term, StringComparison.Ordinal); at >= 0; at = message.IndexOf(entry.Term, at + 1, StringComparison.Ordinal))
            {
                if (claimed.AsSpan(at, entry.Term.Length).Contains(true))
                {
                    continue;
                }

                claimed.AsSpan(at, entry.Term.Length).Fill(true);
                if (Cue(entry, JapaneseNegation().IsMatch(message.AsSpan(at + entry.Term.Length))) is { } cue)
                {
                    yield return cue;
                }
            }
        }
    }

    private IEnumerable<EmotionCue> EnglishCues(string message)
    {
        var words = EnglishWord().Matches(message.ToLowerInvariant()).Select(m => m.Value.Replace('’', '\'')).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            if (_english.TryGetValue(words[i], out var entry))
            {
                var negated = words.Skip(Math.Max(0, i - EnglishNegationReach)).Take(Math.Min(i, EnglishNegationReach)).Any(EnglishNegators.Contains);
                if (Cue(entry, negated) is { } cue)
                {
                    yield return cue;
                }
            }
        }
    }

    /// <summary>Null for negated surprise: "not surprised" signals no emotion either way.</summary>
    private static EmotionCue? Cue(LexiconEntry entry, bool negated) => (negated, Valence(entry.Emotion)) switch
    {
        (false, _) => new EmotionCue(entry.Term, entry.Emotion, entry.Intensity, Negated: false),
        (true, 0) => null,
        (true, > 0) => new EmotionCue(entry.Term, Emotion.Sadness, entry.Intensity * NegatedIntensity, Negated: true),
        (true, _) => new EmotionCue(entry.Term, Emotion.Joy, entry.Intensity * NegatedIntensity, Negated: true),
    };

    private static bool IsEnglish(string term) => term.All(char.IsAscii);

    private static EmotionLexicon LoadBuiltIn()
    {
        using var stream = typeof(EmotionLexicon).Assembly.GetManifestResourceStream("LlmMultiChat.Grains.Emotions.EmotionLexicon.tsv")
            ?? throw new InvalidOperationException("The built-in emotion lexicon is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return new EmotionLexicon(Parse(reader.ReadToEnd()));
    }

    private static IEnumerable<LexiconEntry> Parse(string tsv) =>
        tsv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(fields => new LexiconEntry(
                fields[0],
                Enum.Parse<Emotion>(fields[1]),
                double.Parse(fields[2], CultureInfo.InvariantCulture)));

    /// <summary>
    /// A negation right after a stem, allowing up to two kana of conjugation in between: 嬉し|くない, 好き|じゃない,
    /// 最悪|ではない, 腹が立|たない, 好き|じゃありません.
    /// </summary>
    [GeneratedRegex(@"^[ぁ-ゖ]{0,2}?(?:ない|なかった|なく|ありません|ません)")]
    private static partial Regex JapaneseNegation();

    [GeneratedRegex(@"[a-z]+(?:['’][a-z]+)?")]
    private static partial Regex EnglishWord();
}
