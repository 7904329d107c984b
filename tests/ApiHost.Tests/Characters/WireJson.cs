using System.Text.Json;
using LlmMultiChat.ApiHost.Http;

namespace LlmMultiChat.ApiHost.Tests.Characters;

/// <summary>The API's own JSON options, for tests that send the server's records (enums as strings) back to it.</summary>
internal static class WireJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return options;
    }
}
