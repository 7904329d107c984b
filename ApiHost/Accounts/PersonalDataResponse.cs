using LlmMultiChat.ApiHost.Characters;
using LlmMultiChat.ApiHost.Memories;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Users;

namespace LlmMultiChat.ApiHost.Accounts;

/// <summary>Everything the server holds about the caller (docs/api.md, Personal data).</summary>
/// <param name="Interests">What they talk about and with whom, as counted for their replies' prompts.</param>
/// <param name="Ratings">Their ratings of replies, oldest first.</param>
/// <param name="LongTermMemories">What every character keeps of them, newest first.</param>
/// <param name="Lessons">What characters learned from reflecting on conversations with them (each with the words of theirs it came from).</param>
/// <param name="MidTermSummaries">Summaries of the threads they took part in, whatever their age, newest first.</param>
/// <param name="Characters">The characters they own, with their current persona.</param>
/// <param name="KnowledgeDocuments">The knowledge-base documents they added (their text is shared knowledge, in the knowledge API).</param>
public sealed record PersonalDataResponse(
    DateTimeOffset ExportedAt,
    UserResponse User,
    QuotaResponse Quota,
    DialogueStyleResponse Style,
    InterestProfile Interests,
    IReadOnlyList<ExportedConversation> Conversations,
    IReadOnlyList<MessageFeedback> Ratings,
    IReadOnlyList<MemoryResponse> LongTermMemories,
    IReadOnlyList<ExportedLesson> Lessons,
    IReadOnlyList<ExportedSummary> MidTermSummaries,
    IReadOnlyList<CharacterResponse> Characters,
    IReadOnlyList<ExportedKnowledgeDocument> KnowledgeDocuments);

/// <summary>A conversation the caller owns, takes part in, or spoke in before leaving.</summary>
/// <param name="Relation"><c>owner</c>, <c>participant</c>, or <c>former</c> (left: only their own messages are included).</param>
/// <param name="Messages">Oldest first: every message, or their own for a conversation they left.</param>
public sealed record ExportedConversation(string Id, string Title, string OwnerId, string Relation, DateTimeOffset CreatedAt, IReadOnlyList<ChatMessage> Messages);

/// <summary>A mid-term summary as exported: without its vector, and without who else it is kept for.</summary>
public sealed record ExportedSummary(
    string Id,
    string ConversationId,
    IReadOnlyList<string> CharacterIds,
    string Text,
    IReadOnlyList<string> Keywords,
    long FirstIndex,
    long LastIndex,
    int TurnCount,
    DateTimeOffset CreatedAt);

/// <summary>A lesson a character keeps for the caller.</summary>
/// <param name="Situation">What the caller said that the lesson is about.</param>
public sealed record ExportedLesson(string CharacterId, string Id, string Text, string Situation, DateTimeOffset CreatedAt);

/// <summary>A knowledge-base document the caller added.</summary>
public sealed record ExportedKnowledgeDocument(string Namespace, string Id, string Title, string? Source, DateTimeOffset AddedAt);
