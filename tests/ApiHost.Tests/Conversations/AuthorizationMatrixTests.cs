using System.Net.Http.Headers;
using System.Net.Http.Json;
using LlmMultiChat.ApiHost.Tests.Conversations.Support;
using LlmMultiChat.ApiHost.Tests.Infrastructure;

namespace LlmMultiChat.ApiHost.Tests.Conversations;

/// <summary>
/// Every conversation route against every kind of caller, with the status each must get: 401 without a token, 404
/// for a conversation the caller may not see (never 403, so ids cannot be probed), 403 when they may see it but not
/// do this.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixHost matrix) : IClassFixture<MatrixHost>
{
    private const string Path = ConversationHost.ConversationsPath;

    /// <summary>Route → expected status per caller, in <see cref="MatrixCaller.All"/>'s order: anonymous, guest participant, user owner, other user, operator participant, admin.</summary>
    private static readonly (string Route, int[] Expected)[] Matrix =
    [
        ("POST conversations", [401, 403, 201, 201, 201, 201]),
        ("GET conversations", [401, 200, 200, 200, 200, 200]),
        ("GET conversations/{id}", [401, 200, 200, 404, 200, 200]),
        ("PATCH conversations/{id}", [401, 403, 200, 404, 403, 200]),
        ("DELETE conversations/{id}", [401, 403, 204, 404, 403, 204]),
        ("POST conversations/{id}/participants", [401, 403, 200, 404, 403, 200]),
        ("DELETE conversations/{id}/participants/{another}", [401, 403, 204, 404, 403, 204]),
        ("DELETE conversations/{id}/participants/{self}", [401, 204, 409, 404, 204, 404]),
        ("GET conversations/{id}/messages", [401, 200, 200, 404, 200, 200]),
        ("POST conversations/{id}/messages", [401, 403, 200, 404, 200, 403]),
        ("POST conversations/{id}/stream", [401, 403, 200, 404, 200, 403]),
        ("GET conversations/{id}/events", [401, 200, 200, 404, 200, 200]),
        ("POST conversations/{id}/interrupt", [401, 403, 202, 404, 202, 403]),
        ("POST messages/{id}/feedback", [401, 403, 204, 404, 204, 403]),
    ];

    public static TheoryData<string, string, int> Cells()
    {
        var cells = new TheoryData<string, string, int>();
        foreach (var (route, expected) in Matrix)
        {
            for (var i = 0; i < MatrixCaller.All.Length; i++)
            {
                cells.Add(route, MatrixCaller.All[i], expected[i]);
            }
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task A_route_answers_a_kind_of_caller_with_its_status(string route, string caller, int expected)
    {
        var id = await matrix.NewConversationAsync();
        var account = matrix.Account(caller);
        using var anonymous = account is null ? matrix.Host.Factory.CreateClient() : null;
        var client = account?.Client ?? anonymous!;
        using var request = await RequestAsync(route, id, account);

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(expected, (int)response.StatusCode);
        if (expected >= 400)
        {
            var code = expected switch { 401 => "E8002", 403 => "E9001", 404 => "E4040", _ => "E4090" };
            Assert.Equal(code, (await response.ReadJsonAsync()).String("code"));
        }
        else if (route.EndsWith("/stream", StringComparison.Ordinal))
        {
            using var events = new ServerSentEventReader(await response.Content.ReadAsStreamAsync());
            Assert.Equal("complete_state", (await events.ReadToEndAsync("the turn's events"))[^1].Type);
        }
    }

    public static TheoryData<string> ConversationRoutes() =>
        [.. Matrix.Select(m => m.Route).Where(r => r.Contains(" conversations/{id}", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(ConversationRoutes))]
    public async Task A_conversation_that_does_not_exist_is_404_even_for_an_admin(string route)
    {
        using var request = await RequestAsync(route, "0000000000000000000000", matrix.Host.Admin);

        using var response = await matrix.Host.Admin.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal((404, "E4040"), ((int)response.StatusCode, (await response.ReadJsonAsync()).String("code")));
    }

    private async Task<HttpRequestMessage> RequestAsync(string route, string id, TestUser? caller)
    {
        var self = caller?.Id ?? matrix.Bystander.Id;
        return route switch
        {
            "POST conversations" => Json(HttpMethod.Post, Path, new { characterIds = Lumina }),
            "GET conversations" => new(HttpMethod.Get, Path),
            "GET conversations/{id}" => new(HttpMethod.Get, $"{Path}/{id}"),
            "PATCH conversations/{id}" => Json(HttpMethod.Patch, $"{Path}/{id}", new { title = "改名" }),
            "DELETE conversations/{id}" => new(HttpMethod.Delete, $"{Path}/{id}"),
            "POST conversations/{id}/participants" => Json(HttpMethod.Post, $"{Path}/{id}/participants", new { username = matrix.Newcomer.Username }),
            "DELETE conversations/{id}/participants/{another}" => new(HttpMethod.Delete, $"{Path}/{id}/participants/{matrix.Bystander.Id}"),
            "DELETE conversations/{id}/participants/{self}" => new(HttpMethod.Delete, $"{Path}/{id}/participants/{self}"),
            "GET conversations/{id}/messages" => new(HttpMethod.Get, $"{Path}/{id}/messages"),
            "POST conversations/{id}/messages" => Json(HttpMethod.Post, $"{Path}/{id}/messages", new { content = "こんにちは" }),
            "POST conversations/{id}/stream" => ConversationHost.StreamRequest(id, "こんにちは"),
            "GET conversations/{id}/events" => ConversationHost.EventsRequest(id),
            "POST conversations/{id}/interrupt" => new(HttpMethod.Post, $"{Path}/{id}/interrupt"),
            "POST messages/{id}/feedback" => Json(HttpMethod.Post, $"/api/v1/messages/{await ReplyIdAsync(id)}/feedback", new { rating = "up" }),
            _ => throw new ArgumentOutOfRangeException(nameof(route), route, "No such route in the matrix."),
        };
    }

    private static readonly string[] Lumina = ["lumina"];

    private async Task<string> ReplyIdAsync(string conversationId) =>
        (await ConversationHost.SendAsync(matrix.Owner, conversationId, "評価される返事をください")).GetProperty("replies")[0].String("id")!;

    private static HttpRequestMessage Json<T>(HttpMethod method, string path, T body) => new(method, path) { Content = JsonContent.Create(body) };
}
