namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// What a reply's prompt recalls from each memory tier, and the token budget each tier may fill (configuration
/// section "Retrieval"; docs/decisions.md §9). Items are taken best first while they fit their tier's budget.
/// </summary>
public sealed record RetrievalOptions
{
    public const string SectionName = "Retrieval";

    /// <summary>Long-term memories of the human being answered (0 turns the tier off)…</summary>
    public int LongTermCount { get; init; } = 5;

    public int LongTermTokens { get; init; } = 300;

    /// <summary>Mid-term summaries of the human's earlier threads…</summary>
    public int MidTermCount { get; init; } = 3;

    public int MidTermTokens { get; init; } = 300;

    /// <summary>The knowledge namespaces searched for every reply (empty: none).</summary>
    public IReadOnlyList<string> KnowledgeNamespaces { get; init; } = ["movie", "history", "tech", "news", "gossip"];

    /// <summary>Chunks asked of each namespace, and kept in all (upstream: 3 per namespace, 5 in all)…</summary>
    public int KnowledgePerNamespace { get; init; } = 3;

    public int KnowledgeCount { get; init; } = 5;

    /// <summary>…each at least this similar to the message.</summary>
    public double KnowledgeMinScore { get; init; } = 0.3;

    public int KnowledgeTokens { get; init; } = 500;

    /// <summary>Budgets of the concepts the character associates with the message, and of its lessons (their counts are in "Associations" and "LongTermMemory").</summary>
    public int AssociationTokens { get; init; } = 60;

    public int LessonTokens { get; init; } = 150;

    /// <summary>Any one item is cut to this many characters.</summary>
    public int ItemMaxChars { get; init; } = 300;

    /// <exception cref="InvalidOperationException">A value cannot be honoured; the message names the section.</exception>
    public void Validate()
    {
        if (LongTermCount < 0 || LongTermTokens < 0 || MidTermCount < 0 || MidTermTokens < 0 || KnowledgePerNamespace < 0 || KnowledgeCount < 0
            || KnowledgeTokens < 0 || AssociationTokens < 0 || LessonTokens < 0 || ItemMaxChars < 1 || KnowledgeMinScore is < -1 or > 1
            || KnowledgeNamespaces.Any(n => !Knowledge.KnowledgeNamespaces.IsValid(n)))
        {
            throw new InvalidOperationException(
                $"{SectionName} options: counts and budgets must not be negative, ItemMaxChars at least 1, KnowledgeMinScore in [-1, 1], "
                + "and KnowledgeNamespaces valid namespace ids.");
        }
    }
}
