namespace LlmMultiChat.Grains.Llm.Ollama;

/// <summary>A message in /api/chat: the request's history, and each streamed piece of the reply.</summary>
internal sealed record OllamaMessage(string Role, string? Content, string? Thinking = null);
