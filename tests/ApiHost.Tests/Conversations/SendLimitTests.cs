using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using LlmMultiChat.ApiHost.Tests.Conversations.Support;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using Silo.Testing;

namespace LlmMultiChat.ApiHost.Tests.Conversations;

/// <summary>The routes that start replies obey the daily token quota and their rate limits; a refused send stores nothing.</summary>
public sealed class SendLimitTests
{
    private const string Path = ConversationHost.ConversationsPath;

    [Fact]
    public async Task Once_a_reply_used_up_the_daily_token_quota_the_next_send_and_stream_get_429_E6002_with_the_quota_headers()
    {
        await using var host = await ConversationHost.StartAsync([("Quotas:DailyTokens:user", "5")]);
        using var alice = await host.SignUpAsync("alice");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;
        await ConversationHost.SendAsync(alice, id, "最初の一通");

        using var refused = await alice.Client.PostAsJsonAsync($"{Path}/{id}/messages", new { content = "もう一通" });
        using var streamRefused = await alice.Client.SendAsync(ConversationHost.StreamRequest(id, "もう一通"));

        foreach (var response in new[] { refused, streamRefused })
        {
            Assert.Equal((HttpStatusCode.TooManyRequests, "E6002"), (response.StatusCode, (await response.ReadJsonAsync()).String("code")));
            Assert.Equal(["5"], response.Headers.GetValues("X-RateLimit-Limit"));
            Assert.Equal(["0"], response.Headers.GetValues("X-RateLimit-Remaining"));
            var reset = DateTimeOffset.FromUnixTimeSeconds(long.Parse(response.Headers.GetValues("X-RateLimit-Reset").Single(), CultureInfo.InvariantCulture));
            Assert.Equal(TimeSpan.Zero, reset.TimeOfDay);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }

        Assert.Equal(2, (await ConversationHost.MessagesAsync(alice, id)).GetProperty("messages").GetArrayLength());
        Assert.Single(host.Llm.ChatRequests);
    }

    [Theory]
    [InlineData("messages", "SendMessage")]
    [InlineData("stream", "Stream")]
    public async Task The_third_send_in_a_window_of_two_gets_429_E6001_with_the_rate_limit_headers_and_stores_nothing(string route, string policy)
    {
        await using var host = await ConversationHost.StartAsync([($"RateLimits:{policy}:PermitLimit", "2")]);
        using var alice = await host.SignUpAsync("alice");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;
        foreach (var content in new[] { "一", "二" })
        {
            using var sent = await alice.Client.SendAsync(ConversationHost.SendRequest(id, route, content)).WaitOrFail($"send {content} on {route}");
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            await sent.Content.ReadAsStringAsync().WaitOrFail($"the turn of {content}");
        }

        using var third = await alice.Client.SendAsync(ConversationHost.SendRequest(id, route, "三"));

        Assert.Equal((HttpStatusCode.TooManyRequests, "E6001"), (third.StatusCode, (await third.ReadJsonAsync()).String("code")));
        Assert.Equal(["2"], third.Headers.GetValues("X-RateLimit-Limit"));
        Assert.Equal(["0"], third.Headers.GetValues("X-RateLimit-Remaining"));
        Assert.Single(third.Headers.GetValues("X-RateLimit-Reset"));
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(4, (await ConversationHost.MessagesAsync(alice, id)).GetProperty("messages").GetArrayLength());
        Assert.Equal(2, host.Llm.ChatRequests.Count);
    }
}
