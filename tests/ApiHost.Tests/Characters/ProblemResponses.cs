using System.Net;
using System.Text.Json;
using LlmMultiChat.ApiHost.Tests.Infrastructure;

namespace LlmMultiChat.ApiHost.Tests.Characters;

internal static class ProblemResponses
{
    /// <summary>Asserts the status and the problem body's E-code together (so a failure shows both), and returns the body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.ReadJsonAsync();
        Assert.Equal((status, code), (response.StatusCode, body.TryGetProperty("code", out var actual) ? actual.GetString() : body.ToString()));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return body;
    }
}
