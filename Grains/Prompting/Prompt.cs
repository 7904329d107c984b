using LlmMultiChat.Grains.Llm;

namespace LlmMultiChat.Grains.Prompting;

/// <summary>A built prompt: the messages to send, the stop sequences that keep the model from speaking for others, and the template used.</summary>
public sealed record Prompt(IReadOnlyList<LlmMessage> Messages, IReadOnlyList<string> StopSequences, string TemplateName);
