using System.Text.Json;
using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.FakeLlm.Scripting;
using LlmMultiChat.Grains.Conversations.Events;
using Silo.Testing;

namespace LlmMultiChat.ApiHost.Tests.Hubs;

public sealed class ChatHubEventTests
{
    [Fact]
    public async Task Join_then_Send_pushes_the_human_message_and_the_reply_streamed_by_the_model()
    {
        await using var host = await ChatTestHost.StartAsync();
        host.Llm.Script(FakeReply.Text("Good evening, welcome to the library."));
        using var alice = await host.SignUpAsync("alice");
        var conversationId = await host.CreateConversationAsync(alice);
        await using var hub = await host.ConnectAsync(alice);

        (await hub.InvokeAsync("Join", conversationId, 0)).Succeeded();
        var messageId = (await hub.InvokeAsync("Send", conversationId, "Hello, Lumina!", null)).Value.GetString()!;
        var events = await hub.EventsUntilAsync(e => e.EndsTurnOf(messageId));

        Assert.Equal(["message_complete", "message_start"], events.Take(2).Select(e => e.Type()));
        Assert.Equal(["message_complete", "complete_state"], events.TakeLast(2).Select(e => e.Type()));
        var chunks = events.Skip(2).SkipLast(2).ToList();
        Assert.NotEmpty(chunks);
        Assert.All(chunks, chunk => Assert.Equal("message_chunk", chunk.Type()));
        var human = events[0].GetProperty("message");
        Assert.Equal(messageId, human.GetProperty("id").GetString());
        Assert.Equal("Hello, Lumina!", human.GetProperty("content").GetString());
        Assert.Equal("human", human.GetProperty("speakerKind").GetString());
        var reply = events[^2].GetProperty("message");
        Assert.Equal("lumina", reply.GetProperty("speakerId").GetString());
        Assert.Equal("complete", reply.GetProperty("status").GetString());
        Assert.Equal("Good evening, welcome to the library.", reply.GetProperty("content").GetString());
        Assert.Equal(reply.GetProperty("content").GetString(), string.Concat(chunks.Select(c => c.GetProperty("delta").GetString())));
        Assert.All(events, e => Assert.Equal(conversationId, e.GetProperty("conversationId").GetString()));
        AssertConsecutive(events, events[0].Seq());
    }

    [Fact]
    public async Task Joining_again_after_a_reconnect_replays_only_the_missed_events_as_REST_serializes_them_then_follows_live()
    {
        await using var host = await ChatTestHost.StartAsync();
        host.Llm.Script(FakeReply.Text("おかえりなさい。<b>本</b>をどうぞ & ごゆっくり。"));
        using var alice = await host.SignUpAsync("alice");
        var conversationId = await host.CreateConversationAsync(alice);
        long lastSeen;
        await using (var before = await host.ConnectAsync(alice))
        {
            (await before.InvokeAsync("Join", conversationId, 0)).Succeeded();
            var first = (await before.InvokeAsync("Send", conversationId, "ただいま", null)).Value.GetString()!;
            lastSeen = (await before.EventsUntilAsync(e => e.EndsTurnOf(first)))[^1].Seq();
        }

        string missed;
        await using (var elsewhere = await host.ConnectAsync(alice))
        {
            (await elsewhere.InvokeAsync("Join", conversationId, lastSeen)).Succeeded();
            missed = (await elsewhere.InvokeAsync("Send", conversationId, "本はある?", null)).Value.GetString()!;
            await elsewhere.EventsUntilAsync(e => e.EndsTurnOf(missed));
        }

        await using var after = await host.ConnectAsync(alice);
        (await after.InvokeAsync("Join", conversationId, lastSeen)).Succeeded();
        var replayed = await after.EventsUntilAsync(e => e.EndsTurnOf(missed));

        var stored = (await host.Conversation(conversationId).EventsAfter(lastSeen)).Events;
        Assert.Equal(stored.Select(RestJson), replayed.Select(e => e.GetRawText()));
        AssertConsecutive(replayed, lastSeen + 1);
        var live = (await after.InvokeAsync("Send", conversationId, "ありがとう", null)).Value.GetString()!;
        AssertConsecutive([.. replayed, .. await after.EventsUntilAsync(e => e.EndsTurnOf(live))], lastSeen + 1);
    }

    [Fact]
    public async Task Joining_the_same_conversation_again_replaces_the_earlier_feed_so_no_event_arrives_twice()
    {
        await using var host = await ChatTestHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var conversationId = await host.CreateConversationAsync(alice);
        await using var hub = await host.ConnectAsync(alice);
        (await hub.InvokeAsync("Join", conversationId, 0)).Succeeded();
        var first = (await hub.InvokeAsync("Send", conversationId, "one", null)).Value.GetString()!;
        var firstTurn = await hub.EventsUntilAsync(e => e.EndsTurnOf(first));

        (await hub.InvokeAsync("Join", conversationId, firstTurn[^1].Seq())).Succeeded();
        var second = (await hub.InvokeAsync("Send", conversationId, "two", null)).Value.GetString()!;
        var secondTurn = await hub.EventsUntilAsync(e => e.EndsTurnOf(second));

        AssertConsecutive([.. firstTurn, .. secondTurn], firstTurn[0].Seq());
    }

    [Fact]
    public async Task Leave_stops_the_events_of_that_conversation()
    {
        await using var host = await ChatTestHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var conversationId = await host.CreateConversationAsync(alice);
        await using var leaving = await host.ConnectAsync(alice);
        await using var staying = await host.ConnectAsync(alice);
        (await leaving.InvokeAsync("Join", conversationId, 0)).Succeeded();
        (await staying.InvokeAsync("Join", conversationId, 0)).Succeeded();

        (await leaving.InvokeAsync("Leave", conversationId)).Succeeded();
        var sent = (await staying.InvokeAsync("Send", conversationId, "anyone there?", null)).Value.GetString()!;
        await staying.EventsUntilAsync(e => e.EndsTurnOf(sent));

        Assert.Equal(0, leaving.Unread("event"));
    }

    [Fact]
    public async Task Stream_yields_the_buffered_then_the_live_events_until_the_client_cancels_it()
    {
        await using var host = await ChatTestHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var conversationId = await host.CreateConversationAsync(alice);
        var earlier = await host.Conversation(conversationId).Send(alice.Id, "before anyone listened");
        await using var hub = await host.ConnectAsync(alice);

        var stream = await hub.StreamAsync("Stream", conversationId, 0);
        var buffered = await stream.UntilAsync(e => e.EndsTurnOf(earlier.Id));
        var later = (await hub.InvokeAsync("Send", conversationId, "and now?", null)).Value.GetString()!;
        var live = await stream.UntilAsync(e => e.EndsTurnOf(later));
        await stream.CancelAsync();

        Assert.True(buffered[0].Completes(earlier.Id));
        AssertConsecutive([.. buffered, .. live], 1);
        Assert.Null((await stream.Completion.WaitOrFail("the stream's completion after cancelling")).Error);
    }

    [Fact]
    public async Task Interrupt_stops_the_reply_in_progress_and_keeps_its_partial_text()
    {
        await using var host = await ChatTestHost.StartAsync();
        host.Llm.Script(FakeReply.Text(string.Join(' ', Enumerable.Repeat("word", 200))).AtRate(50));
        using var alice = await host.SignUpAsync("alice");
        var conversationId = await host.CreateConversationAsync(alice);
        await using var hub = await host.ConnectAsync(alice);
        (await hub.InvokeAsync("Join", conversationId, 0)).Succeeded();
        var sent = (await hub.InvokeAsync("Send", conversationId, "Tell me a long story.", null)).Value.GetString()!;
        await hub.EventsUntilAsync(e => e.Type() == "message_chunk");

        (await hub.InvokeAsync("Interrupt", conversationId)).Succeeded();
        var rest = await hub.EventsUntilAsync(e => e.EndsTurnOf(sent));

        var reply = rest.Single(e => e.Type() == "message_complete").GetProperty("message");
        Assert.Equal("interrupted", reply.GetProperty("status").GetString());
        Assert.StartsWith("word", reply.GetProperty("content").GetString());
        Assert.Equal("interrupted", rest[^1].GetProperty("reason").GetString());
    }

    private static string RestJson(ConversationEvent @event)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return JsonSerializer.Serialize(@event, options);
    }

    /// <summary>Sequence numbers <paramref name="first"/>, first + 1, ... with no gap and no repeat.</summary>
    private static void AssertConsecutive(IReadOnlyList<JsonElement> events, long first) =>
        Assert.Equal(Enumerable.Range(0, events.Count).Select(i => first + i), events.Select(e => e.Seq()));
}
