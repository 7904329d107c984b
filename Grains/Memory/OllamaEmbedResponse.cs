namespace LlmMultiChat.Grains.Memory;

/// <summary>The answer of Ollama's POST /api/embed (<c>error</c> instead when it fails).</summary>
internal sealed record OllamaEmbedResponse(IReadOnlyList<float[]>? Embeddings, string? Error);
