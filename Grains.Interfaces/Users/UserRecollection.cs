namespace LlmMultiChat.Grains.Users;

/// <summary>What the user's own grain contributes to a reply's prompt: how they like to be spoken to, what they talk about, and the threads like this one.</summary>
/// <param name="Style">The dialogue style.</param>
/// <param name="Interests">The topics the user brings up most, most frequent first.</param>
/// <param name="Sessions">Mid-term summaries relevant to the query, best first.</param>
public sealed record UserRecollection(DialogueStyleView Style, IReadOnlyList<string> Interests, IReadOnlyList<RecalledSession> Sessions);
