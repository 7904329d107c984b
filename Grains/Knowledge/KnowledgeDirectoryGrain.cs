namespace LlmMultiChat.Grains.Knowledge;

/// <inheritdoc cref="IKnowledgeDirectoryGrain"/>
public sealed class KnowledgeDirectoryGrain([PersistentState("knowledge-directory")] IPersistentState<KnowledgeDirectoryState> state)
    : Grain, IKnowledgeDirectoryGrain
{
    public Task<IReadOnlyList<string>> Namespaces() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Documents.Keys.Order(StringComparer.Ordinal)]);

    public async Task Update(string knowledgeNamespace, int documents)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(knowledgeNamespace);
        ArgumentOutOfRangeException.ThrowIfNegative(documents);
        var known = state.State.Documents.GetValueOrDefault(knowledgeNamespace);
        if (known == documents)
        {
            return; // most activations and searches change nothing: no write
        }

        if (documents == 0)
        {
            state.State.Documents.Remove(knowledgeNamespace);
        }
        else
        {
            state.State.Documents[knowledgeNamespace] = documents;
        }

        await state.WriteStateAsync();
    }
}
