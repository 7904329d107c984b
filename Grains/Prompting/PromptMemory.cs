namespace LlmMultiChat.Grains.Prompting;

/// <summary>
/// What a reply's prompt recalls, tier by tier, already ranked and cut to each tier's token budget: all of it is
/// about the human being answered or public knowledge, never another user's.
/// </summary>
/// <param name="LongTerm">What the character remembers the human told it.</param>
/// <param name="MidTerm">Summaries of the human's earlier threads.</param>
/// <param name="Knowledge">Knowledge-base passages, each with its document's title.</param>
/// <param name="Associations">Concepts the character associates with the message.</param>
/// <param name="Lessons">What the character learned to do differently with this human.</param>
/// <param name="Interests">Topics the human brings up most.</param>
/// <param name="Clarification">A question to ask because the message contradicts something the human said before.</param>
public sealed record PromptMemory(
    IReadOnlyList<string> LongTerm,
    IReadOnlyList<string> MidTerm,
    IReadOnlyList<string> Knowledge,
    IReadOnlyList<string> Associations,
    IReadOnlyList<string> Lessons,
    IReadOnlyList<string> Interests,
    string? Clarification)
{
    public static PromptMemory None { get; } = new([], [], [], [], [], [], null);
}
