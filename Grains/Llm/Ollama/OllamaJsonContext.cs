using System.Text.Json.Serialization;

namespace LlmMultiChat.Grains.Llm.Ollama;

/// <summary>Ollama's JSON: snake_case names, absent fields left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OllamaChatRequest))]
[JsonSerializable(typeof(OllamaChatChunk))]
internal sealed partial class OllamaJsonContext : JsonSerializerContext;
