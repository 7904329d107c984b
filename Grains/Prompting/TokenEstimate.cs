namespace LlmMultiChat.Grains.Prompting;

/// <summary>
/// A tokenizer-free estimate of how many tokens a text costs a model, for budgets: about four ASCII characters per
/// token, and one token per other character (a kana or kanji is one token or more in the tokenizers of the models
/// this product targets). It errs high for Japanese, which keeps budgets safe.
/// </summary>
public static class TokenEstimate
{
    public static int Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ascii = 0;
        var other = 0;
        foreach (var c in text)
        {
            if (c < 128)
            {
                ascii++;
            }
            else if (!char.IsLowSurrogate(c))
            {
                other++;
            }
        }

        return ((ascii + 3) / 4) + other;
    }

    /// <summary>The items, in order, while their estimated tokens fit in <paramref name="budget"/>; each first cut to <paramref name="maxChars"/>.</summary>
    public static List<string> Fit(IEnumerable<string> ranked, int budget, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        var kept = new List<string>();
        var spent = 0;
        foreach (var item in ranked)
        {
            var text = item.Length <= maxChars ? item : string.Concat(item.AsSpan(0, char.IsHighSurrogate(item[maxChars - 1]) ? maxChars - 1 : maxChars), "…");
            spent += Of(text);
            if (spent > budget)
            {
                break;
            }

            kept.Add(text);
        }

        return kept;
    }
}
