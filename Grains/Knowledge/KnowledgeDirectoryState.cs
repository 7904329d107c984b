namespace LlmMultiChat.Grains.Knowledge;

/// <summary>Namespace → documents it holds (only namespaces holding some).</summary>
public sealed class KnowledgeDirectoryState
{
    public Dictionary<string, int> Documents { get; set; } = new(StringComparer.Ordinal);
}
