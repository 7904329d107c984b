using System.Text.Json;
using System.Text.Json.Serialization;
using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.Grains.Conversations.Events;

namespace LlmMultiChat.ApiHost.Hubs;

/// <summary>
/// SignalR's JSON protocol serializes each argument and stream item as its runtime type (<c>MessageChunk</c>), and
/// only serialization as <see cref="ConversationEvent"/> writes the "type" discriminator; its writer also escapes
/// text its own way. This converter serializes every event as <see cref="ConversationEvent"/> with the API's options
/// and writes the bytes as they are, so hub clients get byte for byte the JSON that REST and SSE clients get. (The
/// API's options do not hold this converter, so it cannot call itself.)
/// </summary>
internal sealed class ConversationEventJsonConverter : JsonConverter<ConversationEvent>
{
    private readonly JsonSerializerOptions _api;

    public ConversationEventJsonConverter()
    {
        _api = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(_api);
    }

    public override bool CanConvert(Type typeToConvert) => typeof(ConversationEvent).IsAssignableFrom(typeToConvert);

    public override ConversationEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Clients do not send conversation events.");

    public override void Write(Utf8JsonWriter writer, ConversationEvent value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(JsonSerializer.SerializeToUtf8Bytes(value, _api), skipInputValidation: true);
    }
}
