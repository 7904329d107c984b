using System.Net.Http.Headers;
using System.Text;
using LlmMultiChat.ApiHost.Tests.Conversations.Support;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.Grains.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace LlmMultiChat.ApiHost.Tests.Conversations;

/// <summary>
/// Bad bodies sent to the routes that create or change conversations, invite, or rate replies get their documented
/// problem, and nothing changes: each route's body is one that would change something if it got through.
/// </summary>
public sealed class BadBodyTests(SharedConversationHost shared) : IClassFixture<SharedConversationHost>
{
    /// <summary>Route → a body that would change something, and one with a value of the wrong type.</summary>
    private static readonly Dictionary<string, (string Valid, string WrongType)> Routes = new(StringComparer.Ordinal)
    {
        ["POST conversations"] = ("""{"characterIds": ["lumina"], "title": "新しい会話"}""", """{"characterIds": "lumina"}"""),
        ["PATCH conversations/{id}"] = ("""{"title": "新しい題"}""", """{"title": "新しい題", "maxAutoTurns": "many"}"""),
        ["POST conversations/{id}/participants"] = ("""{"username": "admin"}""", """{"username": 5}"""),
        ["POST messages/{id}/feedback"] = ("""{"rating": "down"}""", """{"rating": 1}"""),
    };

    public static TheoryData<string> RouteNames() => [.. Routes.Keys];

    public static TheoryData<string, string, string, int, string> Cases()
    {
        var data = new TheoryData<string, string, string, int, string>();
        foreach (var (route, (valid, wrongType)) in Routes)
        {
            var open = valid[..^1];
            data.Add(route, "malformed JSON", open, 400, "E4001");
            data.Add(route, "a value of the wrong type", wrongType, 400, "E4002");
            data.Add(route, "an unknown field", $$"""{{open}}, "ownerId": "someone"}""", 400, "E4002");
            data.Add(route, "no body", string.Empty, 400, "E4002");
            data.Add(route, "a body over 1 MiB", $$"""{{open}}, "padding": "{{new string('a', 1 << 20)}}"}""", 413, "E4130");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_body_gets_its_problem_and_changes_nothing(string route, string @case, string body, int status, string code)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        await AssertRefusedAsync(route, content, status, code, @case);
    }

    [Theory]
    [MemberData(nameof(RouteNames))]
    public async Task A_body_that_is_not_UTF8_gets_E4003_and_changes_nothing(string route)
    {
        // The valid body with two bytes that are not UTF-8 in its last string.
        var valid = Encoding.UTF8.GetBytes(Routes[route].Valid);
        var lastQuote = Array.LastIndexOf(valid, (byte)'"');
        using var content = new ByteArrayContent([.. valid[..lastQuote], 0xFF, 0xFE, .. valid[lastQuote..]]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        await AssertRefusedAsync(route, content, 400, "E4003", "invalid UTF-8");
    }

    private async Task AssertRefusedAsync(string route, HttpContent content, int status, string code, string @case)
    {
        var before = await StateAsync();
        var (method, path) = route.Split(' ') is [var verb, var template] ? (new HttpMethod(verb), template) : throw new ArgumentException(route, nameof(route));
        var id = path.StartsWith("messages", StringComparison.Ordinal) ? await shared.ReplyIdAsync() : shared.ConversationId;
        using var request = new HttpRequestMessage(method, $"/api/v1/{path.Replace("{id}", id, StringComparison.Ordinal)}") { Content = content };

        using var response = await shared.Alice.Client.SendAsync(request);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((status, code), ((int)response.StatusCode, (await response.ReadJsonAsync()).String("code")));
        Assert.True(before == await StateAsync(), $"After {@case} on {route}, something changed.");
    }

    /// <summary>Alice's conversations as she lists them (settings and humans included) and the feedback on the reply.</summary>
    private async Task<string> StateAsync()
    {
        var replyId = await shared.ReplyIdAsync();
        using var list = await shared.Alice.Client.GetAsync(ConversationHost.ConversationsPath);
        var feedback = await shared.Host.Factory.Services.GetRequiredService<IConversationLog>().FeedbackAsync(replyId, CancellationToken.None);
        return $"{await list.Content.ReadAsStringAsync()} {string.Join(',', feedback.Select(f => $"{f.UserId}:{f.Rating}"))}";
    }
}
