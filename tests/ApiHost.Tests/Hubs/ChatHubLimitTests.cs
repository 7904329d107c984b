using System.Security.Claims;
using LlmMultiChat.ApiHost.RateLimiting;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.Grains.Conversations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace LlmMultiChat.ApiHost.Tests.Hubs;

public sealed class ChatHubLimitTests
{
    [Fact]
    public async Task A_send_over_the_send_message_rate_limit_is_refused_with_E6001()
    {
        await using var host = await ChatTestHost.StartAsync(("RateLimits:SendMessage:PermitLimit", "2"));
        using var alice = await host.SignUpAsync("alice");
        var conversationId = await host.CreateConversationAsync(alice, TurnPolicy.Manual);
        await using var hub = await host.ConnectAsync(alice);

        var sends = new List<HubCompletion>();
        foreach (var text in new[] { "one", "two", "three" })
        {
            sends.Add(await hub.InvokeAsync("Send", conversationId, text, null));
        }

        Assert.All(sends.Take(2), send => Assert.Null(send.Error));
        Assert.Contains("HubException: E6001: At most 2 such requests per window; try again after ", sends[2].Error, StringComparison.Ordinal);
        Assert.Equal(["one", "two"], (await host.Conversation(conversationId).Messages(null, 10)).Select(m => m.Content));
    }

    [Fact]
    public async Task Hub_sends_and_REST_requests_of_the_send_message_policy_count_against_one_window()
    {
        await using var host = await ChatTestHost.StartAsync(("RateLimits:SendMessage:PermitLimit", "2"));
        using var alice = await host.SignUpAsync("alice");
        var conversationId = await host.CreateConversationAsync(alice, TurnPolicy.Manual);
        await using var hub = await host.ConnectAsync(alice);
        var rest = SendMessagePolicyPipeline(host);

        var hubFirst = await hub.InvokeAsync("Send", conversationId, "one", null);
        var restSecond = await rest(alice);
        var hubThird = await hub.InvokeAsync("Send", conversationId, "three", null);
        var restFourth = await rest(alice);

        Assert.Null(hubFirst.Error);
        Assert.Equal(StatusCodes.Status204NoContent, restSecond);
        Assert.Contains("HubException: E6001: ", hubThird.Error, StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status429TooManyRequests, restFourth);
    }

    [Fact]
    public async Task A_send_once_the_daily_token_quota_is_used_up_is_refused_with_E6002()
    {
        await using var host = await ChatTestHost.StartAsync(("Quotas:DailyTokens:user", "1"));
        using var alice = await host.SignUpAsync("alice");
        var conversationId = await host.CreateConversationAsync(alice);
        await using var hub = await host.ConnectAsync(alice);
        (await hub.InvokeAsync("Join", conversationId, 0)).Succeeded();

        var first = (await hub.InvokeAsync("Send", conversationId, "Hello!", null)).Value.GetString()!;
        await hub.EventsUntilAsync(e => e.EndsTurnOf(first));
        var second = await hub.InvokeAsync("Send", conversationId, "Hello again!", null);

        Assert.Contains("HubException: E6002: Today's 1 tokens are used; the quota resets at ", second.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// The host's own rate-limiting middleware and policies, in front of a stand-in endpoint that asks for the
    /// send-message policy as the REST send route does; answers the status a request of the user gets.
    /// </summary>
    private static Func<TestUser, Task<int>> SendMessagePolicyPipeline(ChatTestHost host)
    {
        var app = new ApplicationBuilder(host.Factory.Services);
        app.UseRateLimiter();
        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        var pipeline = app.Build();
        var endpoint = new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(new EnableRateLimitingAttribute(RateLimitPolicies.SendMessage)), "send message");
        return async user =>
        {
            using var scope = host.Factory.Services.CreateScope();
            var context = new DefaultHttpContext
            {
                RequestServices = scope.ServiceProvider,
                User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", user.Id)], "test")),
            };
            context.Request.Method = HttpMethods.Post;
            context.Request.Path = "/api/v1/conversations/c/messages";
            context.SetEndpoint(endpoint);
            await pipeline(context);
            return context.Response.StatusCode;
        };
    }
}
