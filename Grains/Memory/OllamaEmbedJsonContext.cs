using System.Text.Json.Serialization;

namespace LlmMultiChat.Grains.Memory;

/// <summary>Ollama's JSON for /api/embed: snake_case names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(OllamaEmbedRequest))]
[JsonSerializable(typeof(OllamaEmbedResponse))]
internal sealed partial class OllamaEmbedJsonContext : JsonSerializerContext;
