namespace LlmMultiChat.Grains.Prompting;

/// <summary>Another participant as the templates see it.</summary>
internal sealed record PromptParticipantModel(string Id, string Name);
