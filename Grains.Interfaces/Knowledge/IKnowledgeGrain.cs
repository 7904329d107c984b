namespace LlmMultiChat.Grains.Knowledge;

/// <summary>
/// One knowledge-base namespace (key: its id, <see cref="KnowledgeNamespaces.Pattern"/>, e.g. <c>movie</c>,
/// <c>history</c>): documents split into chunks, each chunk embedded, searched by cosine similarity (the fifth
/// memory tier, for RAG). A namespace exists as soon as it holds a document.
/// </summary>
public interface IKnowledgeGrain : IGrainWithStringKey
{
    /// <summary>Chunks, embeds and stores a document.</summary>
    /// <exception cref="ArgumentException">
    /// The namespace id, title, text or source breaks a limit, or the namespace would hold more chunks than allowed;
    /// <see cref="ArgumentException.ParamName"/> names the field (<c>namespace</c>, <c>title</c>, <c>text</c>,
    /// <c>source</c>). Nothing is stored.
    /// </exception>
    Task<KnowledgeDocument> Add(NewKnowledgeDocument document);

    /// <summary>Every document, oldest first.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<KnowledgeDocument>> Documents();

    /// <summary>Deletes a document and its chunks.</summary>
    /// <returns>False when the namespace holds no document with this id.</returns>
    Task<bool> Delete(string documentId);

    /// <summary>The <paramref name="count"/> chunks most similar to <paramref name="query"/>, best first.</summary>
    /// <exception cref="ArgumentException">The query is blank or too long, or the count is outside 1..the maximum.</exception>
    [AlwaysInterleave]
    Task<IReadOnlyList<KnowledgeHit>> Search(string query, int count);

    /// <summary>
    /// Takes <paramref name="userId"/> off the documents they added (an erased account): the documents stay, shared
    /// knowledge, attributed to nobody. Returns how many.
    /// </summary>
    Task<int> ForgetContributor(string userId);
}
