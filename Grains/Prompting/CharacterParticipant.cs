namespace LlmMultiChat.Grains.Prompting;

/// <summary>Another character of the conversation, with every name it may be written as.</summary>
public sealed record CharacterParticipant(string Id, string Name, IReadOnlyList<string> Aliases);
