using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using LlmMultiChat.ApiHost.Tests.Conversations.Support;
using LlmMultiChat.ApiHost.Tests.Infrastructure;

namespace LlmMultiChat.ApiHost.Tests.Conversations;

/// <summary>Bad bodies sent to the routes that send messages get their documented problem, and nothing is stored or asked of the model.</summary>
public sealed class BadInputTests(SharedConversationHost shared) : IClassFixture<SharedConversationHost>
{
    public static TheoryData<string, string, string, int, string> Cases()
    {
        var data = new TheoryData<string, string, string, int, string>();
        var cases = new (string Case, string Body, int Status, string Code)[]
        {
            ("malformed JSON", """{"content": "hi" """, 400, "E4001"),
            ("a number for the content", """{"content": 5}""", 400, "E4002"),
            ("an unknown field", """{"content": "hi", "mood": "happy"}""", 400, "E4002"),
            ("no content", "{}", 400, "E4002"),
            ("null content", """{"content": null}""", 400, "E4002"),
            ("blank content", """{"content": "   "}""", 400, "E4000"),
            ("content of 10,001 characters", $$"""{"content": "{{new string('あ', 10_001)}}"}""", 400, "E4000"),
            ("a character not in the conversation", """{"content": "hi", "characterIds": ["nox"]}""", 400, "E4000"),
            ("a blank character id", """{"content": "hi", "characterIds": [""]}""", 400, "E4000"),
            ("a body over 1 MiB", $$"""{"content": "{{new string('a', (1 << 20) + 1)}}"}""", 413, "E4130"),
        };
        foreach (var route in new[] { "messages", "stream" })
        {
            foreach (var (name, body, status, code) in cases)
            {
                data.Add(route, name, body, status, code);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_body_gets_its_problem_and_nothing_is_stored(string route, string @case, string body, int status, string code)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await shared.Alice.Client.PostAsync($"{ConversationHost.ConversationsPath}/{shared.ConversationId}/{route}", content);

        await AssertRefusedAsync(response, status, code, @case);
    }

    [Theory]
    [InlineData("messages")]
    [InlineData("stream")]
    public async Task A_body_that_is_not_UTF8_gets_E4003_and_nothing_is_stored(string route)
    {
        using var content = new ByteArrayContent([.. "{\"content\": \""u8, 0xFF, 0xFE, .. "\"}"u8]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await shared.Alice.Client.PostAsync($"{ConversationHost.ConversationsPath}/{shared.ConversationId}/{route}", content);

        await AssertRefusedAsync(response, 400, "E4003", "invalid UTF-8");
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, int status, string code, string @case)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((status, code), ((int)response.StatusCode, (await response.ReadJsonAsync()).String("code")));
        var messages = await ConversationHost.MessagesAsync(shared.Alice, shared.ConversationId);
        Assert.True(messages.GetProperty("messages").GetArrayLength() == 0, $"After {@case}, a message was stored.");
        Assert.Empty(shared.Host.Llm.ChatRequests);
    }
}
