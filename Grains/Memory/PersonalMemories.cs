using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Users;

namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// A user's own memories across tiers: listing, search and forgetting. Every call is keyed by the user whose
/// memories they are, so nothing here can reach another user's: long-term memories are asked of each character for
/// that user only, summaries are read, ranked and forgotten by that user's own grain or for that user only.
/// </summary>
public sealed class PersonalMemories(
    IGrainFactory grains,
    ISessionSummaryStore summaries,
    IEmbedder embedder,
    LongTermMemoryOptions longTerm,
    MidTermMemoryOptions midTerm,
    TimeProvider time)
{
    /// <summary>
    /// The user's memories: with a query, those the tiers' recall finds (long-term as a reply's recall, mid-term as the
    /// user grain ranks summaries), best score first; without, newest first. Mid-term ones within retention only.
    /// </summary>
    public async Task<IReadOnlyList<UserMemory>> ListAsync(string userId, UserMemoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var found = new List<UserMemory>();
        if (query.Tier is null or MemoryTier.LongTerm)
        {
            found.AddRange(await LongTermAsync(userId, query.CharacterId, query.Query, Math.Min(query.Limit, longTerm.MaxRecall)).ConfigureAwait(false));
        }

        if (query.Tier is null or MemoryTier.MidTerm)
        {
            found.AddRange(await MidTermAsync(userId, query, cancellationToken).ConfigureAwait(false));
        }

        var ordered = query.Query is null
            ? found.OrderByDescending(m => m.CreatedAt)
            : found.OrderByDescending(m => m.Score).ThenByDescending(m => m.CreatedAt);
        return [.. ordered.ThenBy(m => m.Id, StringComparer.Ordinal).Take(query.Limit)];
    }

    /// <summary>Everything every character keeps of the user, newest first.</summary>
    public async Task<IReadOnlyList<UserMemory>> AllLongTermAsync(string userId) =>
        [.. (await LongTermAsync(userId, characterId: null, query: null, count: 0).ConfigureAwait(false)).OrderByDescending(m => m.CreatedAt)];

    /// <summary>Every lesson every character keeps for the user, by character, oldest first.</summary>
    public async Task<IReadOnlyList<(string CharacterId, RecalledLesson Lesson)>> AllLessonsAsync(string userId)
    {
        var found = new List<(string, RecalledLesson)>();
        foreach (var id in await CharacterIdsAsync(characterId: null).ConfigureAwait(false))
        {
            found.AddRange((await grains.GetGrain<ICharacterGrain>(id).LessonsOf(userId).ConfigureAwait(false)).Select(l => (id, l)));
        }

        return found;
    }

    /// <returns>False when the character keeps no such memory of the user.</returns>
    public Task<bool> ForgetLongTermAsync(string userId, string characterId, string memoryId) =>
        grains.GetGrain<ICharacterGrain>(characterId).Forget(userId, memoryId);

    /// <summary>Through the user's grain, so its recall stops finding the summary at once.</summary>
    /// <returns>False when the user keeps no such summary.</returns>
    public Task<bool> ForgetMidTermAsync(string userId, string summaryId) =>
        grains.GetGrain<IUserGrain>(userId).ForgetSession(summaryId);

    /// <summary>
    /// What characters keep of the user (<paramref name="characterId"/>'s only, or every character's in the
    /// directory), asked of each character's grain: the <paramref name="count"/> best recalled for
    /// <paramref name="query"/> from each, or all of them without one. Not the memory table's list of characters
    /// keeping something of the user: a memory just kept may not be written yet, and the grain knows it.
    /// </summary>
    private async Task<IReadOnlyList<UserMemory>> LongTermAsync(string userId, string? characterId, string? query, int count)
    {
        var found = new List<UserMemory>();
        foreach (var id in await CharacterIdsAsync(characterId).ConfigureAwait(false))
        {
            var character = grains.GetGrain<ICharacterGrain>(id);
            var memories = query is null
                ? await character.MemoriesOf(userId).ConfigureAwait(false)
                : await character.Recall(userId, query, count).ConfigureAwait(false);
            found.AddRange(memories.Select(m => new UserMemory(
                MemoryTier.LongTerm, m.Id, id, null, m.Text, m.Importance, query is null ? null : m.Relevance, query is null ? null : m.Score, m.CreatedAt)));
        }

        return found;
    }

    /// <summary><paramref name="characterId"/>, or every character in the directory.</summary>
    private async Task<IEnumerable<string>> CharacterIdsAsync(string? characterId) => characterId is not null
        ? [characterId]
        : (await grains.GetGrain<ICharacterDirectoryGrain>(ICharacterDirectoryGrain.Key).List(viewerId: null).ConfigureAwait(false)).Select(c => c.Id);

    private async Task<IEnumerable<UserMemory>> MidTermAsync(string userId, UserMemoryQuery query, CancellationToken cancellationToken)
    {
        var kept = (await summaries.ForUserAsync(userId, time.GetUtcNow() - midTerm.Retention, cancellationToken).ConfigureAwait(false))
            .Where(s => query.CharacterId is null || s.CharacterIds.Contains(query.CharacterId))
            .ToDictionary(s => s.Id, StringComparer.Ordinal);
        if (query.Query is null)
        {
            return kept.Values.Select(s => ToMemory(s, null, null));
        }

        // Ranked as replies recall them (the user grain: relevance and recency, MidTermMemory options).
        var vector = await embedder.EmbedAsync(query.Query, cancellationToken).ConfigureAwait(false);
        var recalled = await grains.GetGrain<IUserGrain>(userId).Recollect(vector, embedder.Model, query.Limit).ConfigureAwait(false);
        return recalled.Sessions.Where(r => kept.ContainsKey(r.Id)).Select(r => ToMemory(kept[r.Id], r.Relevance, r.Score));
    }

    private static UserMemory ToMemory(SessionSummary summary, double? relevance, double? score) => new(
        MemoryTier.MidTerm,
        summary.Id,
        summary.CharacterIds.Count == 1 ? summary.CharacterIds[0] : null,
        summary.ConversationId,
        summary.Text,
        null,
        relevance,
        score,
        summary.CreatedAt);
}
