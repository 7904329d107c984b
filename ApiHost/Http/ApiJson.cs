using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmMultiChat.ApiHost.Http;

/// <summary>
/// The wire format of every JSON body (REST, SSE data, SignalR): camelCase names, enums as camelCase strings,
/// and strict reading: unknown fields, missing required fields and nulls where a value is required are refused.
/// The default encoder escapes HTML-significant characters, so stored text that looks like markup stays inert.
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.MaxDepth = 32;
    }
}
