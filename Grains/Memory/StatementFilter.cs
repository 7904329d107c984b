namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// Decides whether a statement is worth scoring as a memory at all: a question asks rather than tells, and what has
/// fewer than <see cref="LongTermMemoryOptions.MinConcepts"/> distinct concepts is small talk ("うん", "ok",
/// "こんにちは"). Single kanji count here (犬, 猫, 好), unlike in the graph, so short facts are not lost.
/// </summary>
public sealed class StatementFilter(LongTermMemoryOptions options)
{
    private readonly ConceptExtractor _concepts = new(new ConceptExtractorOptions { MinLength = 1 });

    public bool WorthRemembering(string statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var trimmed = statement.Trim();
        return !trimmed.EndsWith('?') && !trimmed.EndsWith('？')
            && _concepts.Extract(trimmed).Distinct(StringComparer.Ordinal).Count() >= options.MinConcepts;
    }
}
