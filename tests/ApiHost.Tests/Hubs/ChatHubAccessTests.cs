using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using Silo.Testing;

namespace LlmMultiChat.ApiHost.Tests.Hubs;

public sealed class ChatHubAccessTests
{
    [Fact]
    public async Task Negotiating_without_an_access_token_is_refused_with_401()
    {
        await using var host = await ChatTestHost.StartAsync();

        using var response = await HubTestClient.NegotiateAsync(host.Factory, accessToken: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused_at_negotiate_and_on_the_WebSocket()
    {
        await using var host = await ChatTestHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var forged = SignedWithAnotherKey(alice.AccessToken);

        using var negotiated = await HubTestClient.NegotiateAsync(host.Factory, forged);
        using var genuine = await HubTestClient.NegotiateAsync(host.Factory, alice.AccessToken);
        var connectionToken = (await genuine.ReadJsonAsync()).GetProperty("connectionToken").GetString()!;
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => HubTestClient.OpenSocketAsync(host.Factory, connectionToken, forged));

        Assert.Equal(HttpStatusCode.Unauthorized, negotiated.StatusCode);
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_logout_every_call_on_an_open_connection_is_refused_with_E8002()
    {
        await using var host = await ChatTestHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var conversationId = await host.CreateConversationAsync(alice);
        await using var hub = await host.ConnectAsync(alice);
        Assert.Null((await hub.InvokeAsync("Join", conversationId, 0)).Error);

        await LogOutAsync(alice);
        var calls = new[]
        {
            await hub.InvokeAsync("Join", conversationId, 0),
            await hub.InvokeAsync("Send", conversationId, "still here?", null),
            await hub.InvokeAsync("Typing", conversationId),
        };

        Assert.All(calls, c => Assert.EndsWith("HubException: E8002: The session has ended; sign in again.", c.Error, StringComparison.Ordinal));
        Assert.Empty(await host.Conversation(conversationId).Messages(null, 10));
    }

    [Fact]
    public async Task A_joined_listener_whose_session_ended_is_disconnected_at_the_next_event_and_gets_none()
    {
        await using var host = await ChatTestHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        using var bob = await host.SignUpAsync("bob");
        var conversationId = await host.CreateConversationAsync(alice);
        await host.AddHumanAsync(conversationId, bob);
        await using var hub = await host.ConnectAsync(alice);
        Assert.Null((await hub.InvokeAsync("Join", conversationId, 0)).Error);

        await LogOutAsync(alice);
        await host.Conversation(conversationId).Send(bob.Id, "are you there, alice?");

        await hub.Closed.WaitOrFail("the listener's connection to close");
        Assert.Equal(0, hub.Unread("event"));
    }

    private static async Task LogOutAsync(TestUser user)
    {
        using var response = await user.Client.PostAsJsonAsync(new Uri("/api/v1/auth/logout", UriKind.Relative), new { refreshToken = user.RefreshToken });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Someone_who_is_not_a_participant_is_told_the_conversation_does_not_exist()
    {
        await using var host = await ChatTestHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        using var mallory = await host.SignUpAsync("mallory");
        var conversationId = await host.CreateConversationAsync(alice);
        await using var hub = await host.ConnectAsync(mallory);

        var join = await hub.InvokeAsync("Join", conversationId, 0);
        var send = await hub.InvokeAsync("Send", conversationId, "let me in", null);
        var stream = await (await hub.StreamAsync("Stream", conversationId, 0)).Completion.WaitOrFail("the refused stream's completion");
        var missing = await hub.InvokeAsync("Join", "no-such-conversation", 0);

        Assert.All([join, send, stream, missing], c => Assert.EndsWith("HubException: E4040: No such conversation.", c.Error, StringComparison.Ordinal));
        Assert.Equal(0, hub.Unread("event"));
    }

    [Fact]
    public async Task A_guest_participant_may_follow_the_conversation_but_not_send_interrupt_or_type()
    {
        await using var host = await ChatTestHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        using var gina = await host.Factory.SignUpWithRolesAsync(host.Admin, "gina", "guest");
        var conversationId = await host.CreateConversationAsync(alice);
        await host.AddHumanAsync(conversationId, gina);
        await using var hub = await host.ConnectAsync(gina);

        var join = await hub.InvokeAsync("Join", conversationId, 0);
        var refused = new[]
        {
            await hub.InvokeAsync("Send", conversationId, "hello?", null),
            await hub.InvokeAsync("Interrupt", conversationId),
            await hub.InvokeAsync("Typing", conversationId),
        };

        Assert.Null(join.Error);
        Assert.All(refused, c => Assert.EndsWith("HubException: E9001: You may not do this.", c.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_admin_who_is_not_a_participant_may_follow_the_conversation_but_not_send_interrupt_or_type()
    {
        await using var host = await ChatTestHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var conversationId = await host.CreateConversationAsync(alice);
        var earlier = await host.Conversation(conversationId).Send(alice.Id, "hello");
        await using var hub = await host.ConnectAsync(host.Admin);

        (await hub.InvokeAsync("Join", conversationId, 0)).Succeeded();
        var followed = await hub.NextEventAsync();
        var refused = new[]
        {
            await hub.InvokeAsync("Send", conversationId, "I am watching", null),
            await hub.InvokeAsync("Interrupt", conversationId),
            await hub.InvokeAsync("Typing", conversationId),
        };

        Assert.True(followed.Completes(earlier.Id));
        Assert.All(refused, c => Assert.EndsWith("HubException: E9001: You may not do this.", c.Error, StringComparison.Ordinal));
    }

    /// <summary>The same header and claims with an HS256 signature made with a key the server does not have.</summary>
    private static string SignedWithAnotherKey(string token)
    {
        var parts = token.Split('.');
        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes("another-signing-key-that-is-long-enough-for-hs256"), signed);
        return $"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(signature)}";
    }
}
