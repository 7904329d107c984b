namespace LlmMultiChat.Grains.Memory;

/// <summary>The body of Ollama's POST /api/embed.</summary>
internal sealed record OllamaEmbedRequest(string Model, IReadOnlyList<string> Input);
