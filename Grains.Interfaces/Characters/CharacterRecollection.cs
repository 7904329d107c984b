namespace LlmMultiChat.Grains.Characters;

/// <summary>What the character brings to a reply to one user from the tiers it owns.</summary>
/// <param name="Memories">Its long-term memories of the user relevant to the message, ranked by relevance, importance and recency.</param>
/// <param name="Associations">Concepts its association graph links to the message's concepts, strongest first.</param>
/// <param name="Lessons">Lessons from reflecting on earlier conversations with the user, in situations most like this one.</param>
/// <param name="Clarification">Set when the message contradicts what the user told it before.</param>
public sealed record CharacterRecollection(
    IReadOnlyList<RecalledMemory> Memories,
    IReadOnlyList<string> Associations,
    IReadOnlyList<RecalledLesson> Lessons,
    Clarification? Clarification);
