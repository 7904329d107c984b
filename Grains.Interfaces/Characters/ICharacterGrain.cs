using LlmMultiChat.Grains.Growth;

namespace LlmMultiChat.Grains.Characters;

/// <summary>One character (key: the character id, e.g. "lumina"): its versioned persona, avatar, emotions, associative memory, long-term memories of its users and growth.</summary>
public interface ICharacterGrain : IGrainWithStringKey
{
    /// <summary>The current profile, or null when the character does not exist (or was deleted).</summary>
    [AlwaysInterleave]
    Task<CharacterProfile?> Profile();

    /// <summary>Creates the character.</summary>
    /// <exception cref="InvalidOperationException">It already exists.</exception>
    /// <exception cref="ArgumentException">The persona is invalid (empty name, politeness outside 1..3, ...).</exception>
    Task<CharacterProfile> Create(Persona persona, string ownerId, CharacterVisibility visibility);

    /// <summary>Replaces the persona, keeping the previous one as a version.</summary>
    /// <param name="expectedVersion">When given, the update fails if the current version differs (a concurrent edit).</param>
    Task<CharacterProfile> Update(Persona persona, string changedBy, int? expectedVersion = null);

    Task<CharacterProfile> SetVisibility(CharacterVisibility visibility, string changedBy);

    /// <summary>Every version, oldest first, the current one last.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<PersonaVersion>> Versions();

    /// <summary>Sets (or with null removes) the avatar, a PNG image.</summary>
    Task SetAvatar(byte[]? png, string changedBy);

    [AlwaysInterleave]
    Task<byte[]?> Avatar();

    /// <summary>Deletes the character and its versions; its id can be used again.</summary>
    Task Delete(string deletedBy);

    /// <summary>The character's mood now (its emotions decayed toward the baseline); null when the character does not exist.</summary>
    [AlwaysInterleave]
    Task<CharacterMood?> Mood();

    /// <summary>
    /// Appraises a message said where the character hears it: its emotions move (clamped) and a mood sample is kept.
    /// Returns the mood after the message, or null when the message moved no emotion.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The character does not exist.</exception>
    Task<CharacterMood?> React(string message);

    /// <summary>
    /// Learns from the concepts of one message the character heard or said, in the order they were said: concepts
    /// close together become associated (a window of ±3 positions), associations used again grow stronger. The
    /// concepts stay private to <paramref name="heardFrom"/> (the humans of the conversation) until enough users
    /// have taught them (<c>Associations:SharedAfterUsers</c>); empty: the character's own, shared.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The character does not exist.</exception>
    /// <exception cref="ArgumentException">A concept is empty.</exception>
    Task LearnConcepts(IReadOnlyList<string> concepts, IReadOnlyList<string> heardFrom);

    /// <summary>
    /// The concepts associated with <paramref name="center"/> (or, when null, with the character's most connected
    /// concept) within <paramref name="depth"/> hops over edges of at least <paramref name="threshold"/>, at most
    /// <paramref name="maxNodes"/> including the centre, of the concepts <paramref name="viewerId"/> may see (shared ones
    /// and those learned from their conversations); null when the character does not exist.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Depth, threshold (0..1) or maxNodes is outside what the graph allows.</exception>
    [AlwaysInterleave]
    Task<AssociationView?> Associations(string? center, int depth, double threshold, int maxNodes, string viewerId);

    /// <summary>
    /// Considers a statement <paramref name="userId"/> made to the character: it is kept as a long-term memory of that
    /// user when it is worth keeping (not small talk or a question, and important enough: new, or felt strongly).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The character does not exist.</exception>
    Task Remember(string userId, string text, string sourceMessageId);

    /// <summary>
    /// The character's memories of <paramref name="userId"/> (never another user's) relevant to
    /// <paramref name="query"/>, ranked by relevance, importance and recency, best first; empty when the character
    /// does not exist.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Count is below 1 or above the configured maximum.</exception>
    [AlwaysInterleave]
    Task<IReadOnlyList<RecalledMemory>> Recall(string userId, string query, int count);

    /// <summary>
    /// Everything the character brings to a reply to <paramref name="userId"/> whose last message is
    /// <paramref name="query"/> (embedded as <paramref name="queryVector"/> by the embedder named
    /// <paramref name="model"/>): up to <paramref name="memories"/> long-term memories of that user (never another's),
    /// associated concepts, lessons, and a clarification when the message contradicts an earlier statement. Empty
    /// when the character does not exist.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Memories is negative or above the configured maximum.</exception>
    [AlwaysInterleave]
    Task<CharacterRecollection> Recollect(string userId, string query, float[] queryVector, string model, int memories);

    /// <summary>
    /// Consolidates what the character kept of the user since the last consolidation (a thread was flushed): the
    /// most important <c>LongTermMemory:ConsolidationKeeps</c> of those memories stay (those above
    /// <c>LongTermMemory:Importance:PromoteAbove</c> were consolidated at once and are not counted), the rest are forgotten; stored when it returns. Returns how many were forgotten.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The character does not exist.</exception>
    Task<int> Consolidate(string userId);

    /// <summary>Keeps lessons drawn from reflecting on a conversation with <paramref name="userId"/>, recalled in similar situations with that user only.</summary>
    /// <exception cref="KeyNotFoundException">The character does not exist.</exception>
    Task KeepLessons(string userId, IReadOnlyList<NewLesson> lessons);

    /// <summary>Counts one KPI event (a rating of its reply, a conversation turn it replied in, ...) toward its growth.</summary>
    /// <returns>The growth after it, with the levels the event reached.</returns>
    /// <exception cref="KeyNotFoundException">The character does not exist.</exception>
    Task<GrowthProgress> RecordGrowth(GrowthKpi kpi);

    /// <summary>The character's growth now; null when the character does not exist.</summary>
    [AlwaysInterleave]
    Task<GrowthProgress?> Growth();

    /// <summary>
    /// Every memory the character keeps of <paramref name="userId"/>, newest first (a listing, not a recall: relevance
    /// 0, score = importance); empty when the character does not exist.
    /// </summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<RecalledMemory>> MemoriesOf(string userId);

    /// <summary>Every lesson the character keeps for <paramref name="userId"/>, oldest first (relevance 0); empty when the character does not exist.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<RecalledLesson>> LessonsOf(string userId);

    /// <summary>Forgets one memory of <paramref name="userId"/>, stored when this returns; false when the character keeps no such memory of that user.</summary>
    Task<bool> Forget(string userId, string memoryId);

    /// <summary>
    /// Forgets everything the character keeps of <paramref name="userId"/>: their memories and lessons, and their part
    /// in the associative memory (concepts only their conversations taught go); stored when this returns. Returns how
    /// many memories and lessons were forgotten.
    /// </summary>
    Task<int> ForgetUser(string userId);

    /// <summary>
    /// Takes a concept (NFKC, lower case) and its edges out of the associative memory, stored when this returns: an
    /// erased user's name, learned from replies that named them. False when the character does not know it.
    /// </summary>
    Task<bool> ForgetConcept(string concept);
}
