namespace LlmMultiChat.Grains.Prompting;

/// <summary>Who else is in a group conversation, as the templates see it; <see cref="ExampleId"/> illustrates the hand-over tag.</summary>
internal sealed record GroupPromptModel(
    IReadOnlyList<PromptParticipantModel> Characters,
    IReadOnlyList<PromptParticipantModel> Humans,
    string? ExampleId);
