using LlmMultiChat.ApiHost.Characters;
using LlmMultiChat.ApiHost.Memories;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Knowledge;
using LlmMultiChat.Grains.Memory;
using LlmMultiChat.Grains.Users;

namespace LlmMultiChat.ApiHost.Accounts;

/// <summary>
/// Gathers everything held about one user, from the same places erasure clears (AccountService.EraseAsync): the
/// account, the conversations they own, take part in or spoke or rated in, their ratings, every character's
/// memories of them, their summaries and their characters.
/// </summary>
public sealed class PersonalDataExport(IGrainFactory grains, IConversationLog log, ISessionSummaryStore summaries, PersonalMemories memories, TimeProvider time)
{
    /// <returns>Null when the account does not exist.</returns>
    public async Task<PersonalDataResponse?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var user = grains.GetGrain<IUserGrain>(userId);
        var profile = await user.Profile().ConfigureAwait(false);
        if (profile is null)
        {
            return null;
        }

        var quota = await user.Quota().ConfigureAwait(false);
        var style = await user.Style().ConfigureAwait(false);
        var interests = await user.Interests().ConfigureAwait(false);
        var conversationIds = (await user.Conversations().ConfigureAwait(false))
            .Union(await log.ConversationsOfAsync(userId, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
        var conversations = new List<ExportedConversation>();
        foreach (var conversationId in conversationIds)
        {
            if (await ConversationAsync(conversationId, userId, cancellationToken).ConfigureAwait(false) is { } conversation)
            {
                conversations.Add(conversation);
            }
        }

        var ratings = await log.FeedbackByAsync(userId, cancellationToken).ConfigureAwait(false);
        var longTerm = await memories.AllLongTermAsync(userId).ConfigureAwait(false);
        var lessons = await memories.AllLessonsAsync(userId).ConfigureAwait(false);
        var midTerm = await summaries.ForUserAsync(userId, DateTimeOffset.MinValue, cancellationToken).ConfigureAwait(false);
        var documents = new List<ExportedKnowledgeDocument>();
        foreach (var knowledgeNamespace in await grains.GetGrain<IKnowledgeDirectoryGrain>(IKnowledgeDirectoryGrain.Key).Namespaces().ConfigureAwait(false))
        {
            documents.AddRange((await grains.GetGrain<IKnowledgeGrain>(knowledgeNamespace).Documents().ConfigureAwait(false))
                .Where(d => d.AddedBy == userId)
                .Select(d => new ExportedKnowledgeDocument(knowledgeNamespace, d.Id, d.Title, d.Source, d.AddedAt)));
        }

        var characters = new List<CharacterResponse>();
        foreach (var character in (await grains.GetGrain<ICharacterDirectoryGrain>(ICharacterDirectoryGrain.Key).List(viewerId: userId).ConfigureAwait(false)).Where(c => c.OwnerId == userId))
        {
            if (await grains.GetGrain<ICharacterGrain>(character.Id).Profile().ConfigureAwait(false) is { } owned)
            {
                characters.Add(CharacterResponse.From(owned));
            }
        }

        return new PersonalDataResponse(
            time.GetUtcNow(),
            UserResponse.From(profile),
            QuotaResponse.From(quota),
            DialogueStyleResponse.From(style),
            interests,
            conversations,
            ratings,
            [.. longTerm.Select(MemoryResponse.From)],
            [.. lessons.Select(l => new ExportedLesson(l.CharacterId, l.Lesson.Id, l.Lesson.Text, l.Lesson.Situation, l.Lesson.CreatedAt))],
            [.. midTerm.Select(s => new ExportedSummary(s.Id, s.ConversationId, s.CharacterIds, s.Text, s.Keywords, s.FirstIndex, s.LastIndex, s.TurnCount, s.CreatedAt))],
            characters,
            documents);
    }

    private async Task<ExportedConversation?> ConversationAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        var info = await grains.GetGrain<IChatSessionGrain>(conversationId).Info().ConfigureAwait(false);
        if (info is null)
        {
            return null;
        }

        var relation = info.OwnerId == userId ? "owner" : info.Humans.Any(h => h.Id == userId) ? "participant" : "former";
        var messages = await log.ReadAsync(conversationId, null, int.MaxValue, cancellationToken).ConfigureAwait(false);
        // Once they left, the others' words are no longer theirs to read.
        IReadOnlyList<ChatMessage> theirs = relation == "former"
            ? [.. messages.Where(m => m.SpeakerKind == SpeakerKind.Human && m.SpeakerId == userId)]
            : messages;
        return new ExportedConversation(info.Id, info.Title, info.OwnerId, relation, info.CreatedAt, theirs);
    }
}
