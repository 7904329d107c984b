using System.Net.Http.Json;
using System.Text.Json;

namespace LlmMultiChat.ApiHost.Tests.Infrastructure;

/// <summary>Reads response bodies as raw JSON, so the tests pin the wire shape rather than the C# records.</summary>
internal static class JsonResponses
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The entry of the health body's <c>checks</c> array with this name.</summary>
    public static JsonElement Check(this JsonElement healthBody, string name)
    {
        var checks = healthBody.GetProperty("checks").EnumerateArray().ToList();
        return checks.SingleOrDefault(c => c.GetProperty("name").GetString() == name) is { ValueKind: JsonValueKind.Object } check
            ? check
            : throw new Xunit.Sdk.XunitException($"No health check named '{name}' in {healthBody}.");
    }

    public static string? String(this JsonElement element, string property) => element.GetProperty(property).GetString();

    public static string[] CheckNames(this JsonElement healthBody) =>
        [.. healthBody.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];
}
