namespace LlmMultiChat.Grains.Memory;

/// <summary>Words that are never concepts: English function words and common Japanese non-content runs.</summary>
internal static class ConceptStopwords
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(
        [
            // English (lower case; contractions are split at the apostrophe, so their stems are here too).
            "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "aren",
            "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
            "could", "couldn", "did", "didn", "do", "does", "doesn", "doing", "don", "down", "during", "each", "even",
            "few", "for", "from", "further", "get", "got", "had", "hadn", "has", "hasn", "have", "haven", "having",
            "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "if", "in", "into", "is",
            "isn", "it", "its", "itself", "just", "let", "ll", "like", "me", "more", "most", "much", "must", "my",
            "myself", "no", "nor", "not", "now", "of", "off", "oh", "ok", "okay", "on", "once", "only", "or", "other",
            "our", "ours", "ourselves", "out", "over", "own", "re", "really", "same", "shall", "she", "should",
            "shouldn", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
            "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "us", "ve",
            "very", "was", "wasn", "we", "well", "were", "weren", "what", "when", "where", "which", "while", "who",
            "whom", "why", "will", "with", "won", "would", "wouldn", "yeah", "yes", "you", "your", "yours", "yourself",
            "yourselves",

            // Japanese kanji and katakana runs that carry no topic.
            "自分", "私達", "僕達", "貴方", "本当", "場合", "普通", "全部", "一番", "今回", "前回", "次回", "以上",
            "以下", "方法", "感じ", "様子", "部分", "最近", "結構", "多分", "勿論", "大体", "可能", "必要", "何故",
            "ハイ", "イイエ", "ホント", "マジ",

            // Hiragana, for when hiragana runs are concepts (ConceptExtractorOptions.IncludeHiragana).
            "これ", "それ", "あれ", "どれ", "この", "その", "あの", "どの", "ここ", "そこ", "あそこ", "どこ", "こう",
            "そう", "ああ", "どう", "です", "でした", "ですね", "ですよ", "ます", "ました", "ません", "でしょう",
            "だった", "である", "ある", "あり", "いる", "いた", "する", "した", "して", "なる", "なった", "られる",
            "れる", "から", "まで", "より", "けど", "けれど", "けれども", "ので", "のに", "ため", "こと", "もの",
            "ところ", "とても", "ちょっと", "もう", "まだ", "また", "すごく", "やはり", "やっぱり", "ください",
            "ありがとう", "ございます", "こんにちは", "はい", "いいえ", "うん", "ええ", "では", "には", "とは",
            "について", "という", "といった", "など", "なんか", "みたい", "よう", "ように",
        ],
        StringComparer.Ordinal);
}
