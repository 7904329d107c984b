using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.Grains.Conversations;
using Silo.Testing;

namespace LlmMultiChat.ApiHost.Tests.Hubs;

public sealed class ChatHubInputTests
{
    [Fact]
    public async Task Send_refuses_empty_and_too_long_content_with_E4000_and_stores_nothing()
    {
        await using var host = await ChatTestHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var conversationId = await host.CreateConversationAsync(alice, TurnPolicy.Manual);
        await using var hub = await host.ConnectAsync(alice);

        var empty = await hub.InvokeAsync("Send", conversationId, "", null);
        var missing = await hub.InvokeAsync("Send", conversationId, null, null);
        var tooLong = await hub.InvokeAsync("Send", conversationId, new string('a', ConversationSpec.MaxMessageLength + 1), null);

        Assert.EndsWith("HubException: E4000: A message must not be empty.", empty.Error, StringComparison.Ordinal);
        Assert.EndsWith("HubException: E4000: A message must not be empty.", missing.Error, StringComparison.Ordinal);
        Assert.EndsWith("HubException: E4000: A message is at most 10000 characters; this one has 10001.", tooLong.Error, StringComparison.Ordinal);
        Assert.Empty(await host.Conversation(conversationId).Messages(null, 10));
    }

    [Fact]
    public async Task The_longest_message_is_accepted_even_when_the_client_escapes_every_character()
    {
        await using var host = await ChatTestHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var conversationId = await host.CreateConversationAsync(alice, TurnPolicy.Manual);
        await using var hub = await host.ConnectAsync(alice);
        // The test client's serializer writes every non-ASCII character as \uXXXX: six bytes each.
        var longest = new string('あ', ConversationSpec.MaxMessageLength);

        var id = (await hub.InvokeAsync("Send", conversationId, longest, null)).Value.GetString();

        Assert.Equal(longest, Assert.Single(await host.Conversation(conversationId).Messages(null, 10), m => m.Id == id).Content);
    }

    [Fact]
    public async Task A_negative_afterSeq_is_refused_with_E4004()
    {
        await using var host = await ChatTestHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var conversationId = await host.CreateConversationAsync(alice, TurnPolicy.Manual);
        await using var hub = await host.ConnectAsync(alice);

        var join = await hub.InvokeAsync("Join", conversationId, -1);
        var stream = await (await hub.StreamAsync("Stream", conversationId, -1)).Completion.WaitOrFail("the refused stream's completion");

        Assert.EndsWith("HubException: E4004: afterSeq must be 0 or more.", join.Error, StringComparison.Ordinal);
        Assert.EndsWith("HubException: E4004: afterSeq must be 0 or more.", stream.Error, StringComparison.Ordinal);
    }
}
