namespace LlmMultiChat.Grains.Llm.Ollama;

/// <summary>The sampling options of /api/chat (Ollama's names: <c>num_predict</c> is the token limit).</summary>
internal sealed record OllamaOptions(double? Temperature, double? TopP, int? NumPredict, IReadOnlyList<string>? Stop);
