namespace LlmMultiChat.Grains.Memory;

/// <summary>The script of a character, for splitting text into runs without a tokenizer.</summary>
internal enum ScriptKind
{
    /// <summary>Whitespace, punctuation, symbols: ends a run.</summary>
    Separator,
    Kanji,
    Katakana,
    Hiragana,

    /// <summary>Any other letter or digit (Latin and the rest).</summary>
    Word,
}
