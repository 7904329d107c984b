namespace LlmMultiChat.Grains.Llm.Ollama;

/// <summary>The body of POST /api/chat.</summary>
internal sealed record OllamaChatRequest(string Model, IReadOnlyList<OllamaMessage> Messages, bool Stream, OllamaOptions? Options);
