using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace LlmMultiChat.ApiHost.Http;

/// <summary>
/// The wire format of every JSON body (REST, SSE data, SignalR): camelCase names, enums as camelCase strings,
/// and strict reading: unknown fields, missing required fields and nulls where a value is required are refused.
/// HTML-significant characters are escaped (<c>&lt;</c> as <c>\u003C</c>), so stored text that looks like markup stays
/// inert wherever a body ends up; other text, Japanese included, is written as is.
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // ASP.NET Core's own default is the relaxed encoder, which writes '<' and '>' as they are.
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.MaxDepth = 32;
    }
}
