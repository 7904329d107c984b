using System.Net.Http.Json;
using System.Text.Json;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.FakeLlm;
using Microsoft.Extensions.DependencyInjection;
using Silo;
using Silo.Testing;

namespace LlmMultiChat.ApiHost.Tests.Conversations.Support;

/// <summary>
/// A <see cref="ChatTestHost"/> with shortcuts for the conversation routes.
/// </summary>
internal sealed class ConversationHost(ChatTestHost host) : IAsyncDisposable
{
    public const string ConversationsPath = "/api/v1/conversations";

    public FakeLlmServer Llm => host.Llm;

    public ApiHostFactory Factory => host.Factory;

    /// <summary>The first account, hence an admin.</summary>
    public TestUser Admin => host.Admin;

    public IGrainFactory Grains => host.Grains;

    /// <summary>The host's SQLite file, to read directly once the host is stopped.</summary>
    public string DatabasePath => host.DatabasePath;

    /// <param name="settings">Host settings on top of the LLM ones.</param>
    /// <param name="configureServices">Replaces host services (e.g. the clock).</param>
    /// <param name="tokensPerSecond">The fake LLM's default pace; 0 answers at once.</param>
    public static async Task<ConversationHost> StartAsync(
        (string Key, string? Value)[]? settings = null,
        Action<IServiceCollection>? configureServices = null,
        double tokensPerSecond = 0) =>
        new(await ChatTestHost.StartAsync(settings ?? [], configureServices, tokensPerSecond));

    /// <summary>A new account with the default role, or with exactly <paramref name="roles"/>.</summary>
    public Task<TestUser> SignUpAsync(string username, params string[] roles) =>
        roles.Length == 0 ? Factory.SignUpAsync(username) : Factory.SignUpWithRolesAsync(Admin, username, roles);

    /// <summary>Creates a conversation as <paramref name="owner"/>; returns its JSON.</summary>
    public static async Task<JsonElement> CreateAsync(TestUser owner, params string[] characterIds)
    {
        using var response = await owner.Client.PostAsJsonAsync(ConversationsPath, new { characterIds });
        return await SuccessJsonAsync(response);
    }

    public static async Task InviteAsync(TestUser owner, string conversationId, TestUser invited)
    {
        using var response = await owner.Client.PostAsJsonAsync($"{ConversationsPath}/{conversationId}/participants", new { username = invited.Username });
        await SuccessJsonAsync(response);
    }

    /// <summary>Sends a message and waits for its turn; returns <c>{message, replies, reason}</c>.</summary>
    public static async Task<JsonElement> SendAsync(TestUser sender, string conversationId, string content)
    {
        using var response = await sender.Client.PostAsJsonAsync($"{ConversationsPath}/{conversationId}/messages", new { content });
        return await SuccessJsonAsync(response);
    }

    public static async Task<JsonElement> MessagesAsync(TestUser reader, string conversationId, string query = "")
    {
        using var response = await reader.Client.GetAsync($"{ConversationsPath}/{conversationId}/messages{query}");
        return await SuccessJsonAsync(response);
    }

    /// <summary>Sends a request whose response is an event stream and returns once its headers are in.</summary>
    public static async Task<HttpResponseMessage> OpenStreamAsync(TestUser user, HttpRequestMessage request)
    {
        var response = await user.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitOrFail("the event stream's headers");
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.Dispose();
            throw new InvalidOperationException($"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {body}");
        }

        return response;
    }

    /// <summary>A message for POST conversations/{id}/<paramref name="route"/>: "messages" (answers once the turn is over) or "stream".</summary>
    public static HttpRequestMessage SendRequest(string conversationId, string route, string content) =>
        new(HttpMethod.Post, $"{ConversationsPath}/{conversationId}/{route}") { Content = JsonContent.Create(new { content }) };

    public static HttpRequestMessage StreamRequest(string conversationId, string content) => SendRequest(conversationId, "stream", content);

    public static HttpRequestMessage EventsRequest(string conversationId, string query = "") =>
        new(HttpMethod.Get, $"{ConversationsPath}/{conversationId}/events{query}");

    public static async Task<JsonElement> SuccessJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        }

        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
