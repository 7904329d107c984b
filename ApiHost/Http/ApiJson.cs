using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace LlmMultiChat.ApiHost.Http;

/// <summary>
/// The wire format of every JSON body (REST, SSE data, SignalR): camelCase names, enums as camelCase strings,
/// and strict reading: unknown fields, missing required fields and nulls where a value is required are refused.
/// HTML-significant characters (&lt; &gt; &amp; ' ") are escaped as \uXXXX, so stored text that looks like markup
/// stays inert wherever the JSON lands; other Unicode (Japanese) is written as is.
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.MaxDepth = 32;
    }
}
