namespace LlmMultiChat.Grains.Memory;

/// <summary>Tuning of <see cref="ConceptExtractor"/>.</summary>
public sealed record ConceptExtractorOptions
{
    public const string SectionName = "Concepts";

    /// <summary>Shortest concept in characters. 2 drops stray single kanji (verb stems such as 食 in 食べる) and English "a".</summary>
    public int MinLength { get; init; } = 2;

    /// <summary>
    /// Whether hiragana runs are concepts. Off by default: without a dictionary they are mostly particles, endings
    /// and okurigana (ました, では), which would flood the graph; they still split the runs around them.
    /// </summary>
    public bool IncludeHiragana { get; init; }
}
