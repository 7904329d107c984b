namespace LlmMultiChat.Grains.Knowledge;

/// <summary>
/// The knowledge namespaces that hold documents (one grain, key <see cref="Key"/>), told by each namespace when its
/// document count changes or it activates. Every valid id is a namespace, so without this nobody could list them:
/// retrieval asks only the ones holding something, and export and erasure find a user's documents through it.
/// </summary>
public interface IKnowledgeDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "directory";

    /// <summary>The namespaces holding at least one document, by id.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> Namespaces();

    /// <summary>Records how many documents <paramref name="knowledgeNamespace"/> holds (0 removes it).</summary>
    Task Update(string knowledgeNamespace, int documents);
}
