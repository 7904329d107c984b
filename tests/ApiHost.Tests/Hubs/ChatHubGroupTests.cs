using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.Grains.Conversations;

namespace LlmMultiChat.ApiHost.Tests.Hubs;

public sealed class ChatHubGroupTests
{
    [Fact]
    public async Task Two_humans_in_one_conversation_see_each_others_messages_and_typing_but_not_their_own_typing()
    {
        await using var host = await ChatTestHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        using var bob = await host.SignUpAsync("bob");
        var conversationId = await host.CreateConversationAsync(alice, TurnPolicy.Manual);
        await host.AddHumanAsync(conversationId, bob);
        await using var aliceHub = await host.ConnectAsync(alice);
        await using var bobHub = await host.ConnectAsync(bob);
        (await aliceHub.InvokeAsync("Join", conversationId, 0)).Succeeded();
        (await bobHub.InvokeAsync("Join", conversationId, 0)).Succeeded();

        (await bobHub.InvokeAsync("Typing", conversationId)).Succeeded();
        var bobTyping = await aliceHub.NextCallAsync("typing");
        (await aliceHub.InvokeAsync("Typing", conversationId)).Succeeded();
        var firstTypingBobSaw = await bobHub.NextCallAsync("typing");
        var fromAlice = (await aliceHub.InvokeAsync("Send", conversationId, "Hi Bob!", null)).Value.GetString()!;
        var bobSaw = await bobHub.EventsUntilAsync(e => e.EndsTurnOf(fromAlice));
        var fromBob = (await bobHub.InvokeAsync("Send", conversationId, "Hi Alice!", null)).Value.GetString()!;
        var aliceSaw = await aliceHub.EventsUntilAsync(e => e.EndsTurnOf(fromBob));

        Assert.Equal(conversationId, bobTyping.GetProperty("conversationId").GetString());
        Assert.Equal(bob.Id, bobTyping.GetProperty("userId").GetString());
        Assert.Equal("bob", bobTyping.GetProperty("name").GetString());
        Assert.Equal(alice.Id, firstTypingBobSaw.GetProperty("userId").GetString());
        // A typing notice to the caller would have arrived before its own Typing call completed.
        Assert.Equal((0, 0), (aliceHub.Unread("typing"), bobHub.Unread("typing")));
        var aliceMessage = Assert.Single(bobSaw, e => e.Completes(fromAlice)).GetProperty("message");
        Assert.Equal(("Hi Bob!", alice.Id), (aliceMessage.GetProperty("content").GetString(), aliceMessage.GetProperty("speakerId").GetString()));
        var bobMessage = Assert.Single(aliceSaw, e => e.Completes(fromBob)).GetProperty("message");
        Assert.Equal(("Hi Alice!", bob.Id), (bobMessage.GetProperty("content").GetString(), bobMessage.GetProperty("speakerId").GetString()));
    }
}
