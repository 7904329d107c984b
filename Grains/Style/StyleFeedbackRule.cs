namespace LlmMultiChat.Grains.Style;

/// <summary>Phrases in a user's message (matched case-insensitively) and how they move the style.</summary>
public sealed record StyleFeedbackRule(IReadOnlyList<string> Phrases, IReadOnlyDictionary<DialogueStyleParameter, double> Changes);
