using System.Text;

namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// Concepts of a text without a tokenizer (ARCHITECTURE §6 "Japanese text"): the NFKC, lower-cased text is cut into
/// runs of one script (kanji, katakana, hiragana, other letters and digits); runs shorter than the minimum or
/// in the stopword lists are dropped. Order and repeats are kept, since the association window counts positions.
/// </summary>
public sealed class ConceptExtractor
{
    private readonly ConceptExtractorOptions _options;

    public ConceptExtractor(ConceptExtractorOptions? options = null)
    {
        _options = options ?? new ConceptExtractorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MinLength, 1, nameof(options));
    }

    public IReadOnlyList<string> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Normalize(text);
        var concepts = new List<string>();
        var start = 0;
        var kind = ScriptKind.Separator;
        for (var i = 0; i <= normalized.Length; i++)
        {
            var next = i < normalized.Length ? Classify(normalized[i], kind) : ScriptKind.Separator;
            if (next == kind)
            {
                continue;
            }

            AddRun(normalized.AsSpan(start, i - start), kind, concepts);
            start = i;
            kind = next;
        }

        return concepts;
    }

    /// <summary>The form concepts are kept in (NFKC, lower case), so a concept typed by a person finds the learned one.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
    }

    private void AddRun(ReadOnlySpan<char> run, ScriptKind kind, List<string> concepts)
    {
        if (kind == ScriptKind.Separator || (kind == ScriptKind.Hiragana && !_options.IncludeHiragana) || run.Length < _options.MinLength)
        {
            return;
        }

        var concept = run.ToString();
        if (!ConceptStopwords.All.Contains(concept))
        {
            concepts.Add(concept);
        }
    }

    /// <param name="c">The character.</param>
    /// <param name="current">The run it may continue: the long-vowel mark ー belongs to the kana run before it.</param>
    private static ScriptKind Classify(char c, ScriptKind current) => c switch
    {
        'ー' when current is ScriptKind.Katakana or ScriptKind.Hiragana => current,
        'ー' => ScriptKind.Katakana,
        '々' or '〆' or (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF') => ScriptKind.Kanji,
        (>= '\u30A1' and <= '\u30FA') or '\u30FD' or '\u30FE' => ScriptKind.Katakana,
        (>= '\u3041' and <= '\u3096') or '\u309D' or '\u309E' => ScriptKind.Hiragana,
        _ when char.IsLetterOrDigit(c) => ScriptKind.Word,
        _ => ScriptKind.Separator,
    };
}
