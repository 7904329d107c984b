namespace LlmMultiChat.Grains.Coherence;

/// <summary>
/// A new statement that takes the opposite stance of an earlier one on the same object, with the question to ask
/// the user: the earlier statement is not overwritten until they answer.
/// </summary>
public sealed record Contradiction(string EarlierStatement, string Statement, string Topic, string Clarification);
