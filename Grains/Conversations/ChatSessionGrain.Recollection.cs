using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Knowledge;
using LlmMultiChat.Grains.Llm;
using LlmMultiChat.Grains.Memory;
using LlmMultiChat.Grains.Prompting;
using LlmMultiChat.Grains.Users;
using Microsoft.Extensions.Logging;

namespace LlmMultiChat.Grains.Conversations;

/// <summary>
/// Retrieval into the prompt: for each reply, the message being answered is embedded once and every tier is asked
/// at the same time — the speaker (long-term memories of the human, associations, lessons, a contradiction), the
/// human's own grain (style, interests, mid-term summaries) and the knowledge namespaces — then each tier is cut to
/// its token budget (<see cref="RetrievalOptions"/>). A tier that fails is logged and left out: a reply does not
/// need memories to be given.
/// </summary>
public sealed partial class ChatSessionGrain
{
    private (string MessageId, float[] Vector)? _query;

    /// <summary>What the speaker recalls for answering <paramref name="userId"/>, and how that human likes to be spoken to.</summary>
    private async Task<(PromptMemory Memory, IReadOnlyList<string> Style)> RecollectAsync(string characterId, string userId, IReadOnlyList<ChatMessage> history)
    {
        // The human's own last message is what is being answered, also in follow-ups where a character spoke last.
        var asked = history.LastOrDefault(m => m.SpeakerKind == SpeakerKind.Human && m.SpeakerId == userId);
        if (asked is null || string.IsNullOrWhiteSpace(asked.Content))
        {
            var style = await User(userId).Style();
            return (PromptMemory.None, style.Instructions);
        }

        float[] vector;
        try
        {
            vector = await QueryVectorAsync(asked);
        }
        catch (LlmException ex)
        {
            LogRecallFailed(ex, Id, "embedding");
            var style = await User(userId).Style();
            return (PromptMemory.None, style.Instructions);
        }

        // Enough more than needed that leaving out those the history shows still leaves LongTermCount if there are as many.
        var memoriesWanted = Math.Min(_retrieval.LongTermCount + history.Count(m => m.SpeakerId == userId), _longTermMax);
        var characterCall = Guarded("character", GrainFactory.GetGrain<ICharacterGrain>(characterId).Recollect(userId, asked.Content, vector, embedder.Model, memoriesWanted));
        var userCall = User(userId).Recollect(vector, embedder.Model, _retrieval.MidTermCount);
        var knowledgeCall = SearchKnowledgeAsync(asked.Content);
        var user = await userCall;
        var character = await characterCall ?? new CharacterRecollection([], [], [], null);
        var knowledge = await knowledgeCall;

        var shown = history.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var memory = new PromptMemory(
            Fit(character.Memories.Where(m => !shown.Contains(m.SourceMessageId)).Take(_retrieval.LongTermCount).Select(m => m.Text), _retrieval.LongTermTokens),
            Fit(user.Sessions.Select(s => s.Text.ReplaceLineEndings(" / ")), _retrieval.MidTermTokens),
            Fit(knowledge.Where(h => h.Score >= _retrieval.KnowledgeMinScore).OrderByDescending(h => h.Score).Take(_retrieval.KnowledgeCount).Select(h => $"{h.DocumentTitle}: {h.Text.ReplaceLineEndings(" ")}"), _retrieval.KnowledgeTokens),
            TokenEstimate.Fit(character.Associations, _retrieval.AssociationTokens, _retrieval.ItemMaxChars),
            Fit(character.Lessons.Select(l => l.Text), _retrieval.LessonTokens),
            user.Interests,
            character.Clarification?.Question);
        return (memory, user.Style.Instructions);
    }

    private List<string> Fit(IEnumerable<string> ranked, int budget) => TokenEstimate.Fit(ranked, budget, _retrieval.ItemMaxChars);

    /// <summary>The answered message's embedding, computed once per message however many characters reply to it.</summary>
    private async Task<float[]> QueryVectorAsync(ChatMessage asked)
    {
        if (_query is { } cached && cached.MessageId == asked.Id)
        {
            return cached.Vector;
        }

        var vector = await embedder.EmbedAsync(asked.Content, CancellationToken.None);
        _query = (asked.Id, vector);
        return vector;
    }

    /// <summary>The configured namespaces that hold documents (the directory says which), searched at the same time.</summary>
    private async Task<IEnumerable<KnowledgeHit>> SearchKnowledgeAsync(string query)
    {
        if (_retrieval.KnowledgePerNamespace == 0 || _retrieval.KnowledgeNamespaces.Count == 0
            || await Guarded("knowledge", GrainFactory.GetGrain<IKnowledgeDirectoryGrain>(IKnowledgeDirectoryGrain.Key).Namespaces()) is not { } held)
        {
            return [];
        }

        var searched = await Task.WhenAll(_retrieval.KnowledgeNamespaces.Intersect(held, StringComparer.Ordinal)
            .Select(ns => Guarded("knowledge", GrainFactory.GetGrain<IKnowledgeGrain>(ns).Search(query, _retrieval.KnowledgePerNamespace))));
        return searched.Where(hits => hits is not null).SelectMany(hits => hits!);
    }

    /// <summary>The tier's answer, or null (logged) when it failed: the reply goes on without it.</summary>
    private async Task<T?> Guarded<T>(string tier, Task<T> call)
        where T : class
    {
        try
        {
            return await call;
        }
        catch (Exception ex) when (ex is LlmException or KeyNotFoundException or InvalidOperationException)
        {
            LogRecallFailed(ex, Id, tier);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId} could not recall from {Tier}; the reply goes on without it")]
    private partial void LogRecallFailed(Exception exception, string conversationId, string tier);
}
